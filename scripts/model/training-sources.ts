// Reads the labelled data the base model trains on, from ../shared (never copied into the repo),
// and maps each source's labels onto the model's heads (NATIONALIST, ABUSIVE). NaN = the source
// says nothing about that head, so the row does not train it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export interface LabelledText {
  text: string;
  source: string;
  /** [nationalist, abusive]: 1, 0, a soft value, or NaN for unknown. */
  targets: [number, number];
  /** For the corpus: thread (CV groups), script, labels. */
  thread?: string;
  lang?: string;
  labels?: string[];
  borderline?: boolean;
}

const U = Number.NaN;

export interface CorpusRecord {
  text: string;
  labels: string[];
  borderline: boolean;
  thread: string;
  lang: string;
}

export function readCorpus(file: string): LabelledText[] {
  return readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").map((line, index) => {
    const record = JSON.parse(line) as Partial<CorpusRecord>;
    if (typeof record.text !== "string" || !Array.isArray(record.labels) || typeof record.thread !== "string") {
      throw new Error(`${file}:${index + 1}: expected text, labels and thread`);
    }
    const nationalist = record.labels.includes("nationalist") ? 1 : 0;
    const abusive = record.labels.includes("abusive") ? 1 : 0;
    return {
      text: record.text, source: "corpus", targets: [nationalist, abusive], thread: record.thread,
      lang: record.lang ?? "latin", labels: record.labels, borderline: record.borderline === true,
    };
  });
}

/** TRAC-1: OAG is overt aggression (abusive); CAG (covert) is too weak to call either way. */
export function readTrac1(folder: string, cagTarget: number): LabelledText[] {
  const files = ["english/agr_en_train.csv", "english/agr_en_dev.csv", "hindi/agr_hi_train.csv", "hindi/agr_hi_dev.csv"];
  return files.flatMap((file) => {
    const rows = parse(readFileSync(path.join(folder, file), "utf8"), { relax_quotes: true, relax_column_count: true }) as string[][];
    return rows.flatMap(([, text, label]): LabelledText[] => {
      if (text === undefined || label === undefined) return [];
      const abusive = label === "OAG" ? 1 : label === "NAG" ? 0 : cagTarget;
      return [{ text, source: "trac1", targets: [label === "NAG" ? 0 : U, abusive] }];
    });
  });
}

/** Davidson: 0 hate, 1 offensive, 2 neither. Its hate is mostly not about nations or religions. */
export function readDavidson(folder: string): LabelledText[] {
  const rows = parse(readFileSync(path.join(folder, "data_labeled_data.csv"), "utf8"), { columns: true }) as Record<string, string>[];
  return rows.map((row) => ({
    text: (row.tweet ?? "").replace(/@\w+/g, " ").replace(/\bRT\b/g, " "),
    source: "davidson",
    targets: [row.class === "2" ? 0 : U, row.class === "2" ? 0 : 1],
  }));
}

/** RUHSOLD task 2 (train + test: we do not evaluate on it): 0 abusive, 1 normal, 2 religious hate, 3 sexism, 4 profane. */
export function readRuhsold(folder: string): LabelledText[] {
  return ["task_2_train.tsv", "task_2_test.tsv"].flatMap((file) =>
    readFileSync(path.join(folder, file), "utf8").split(/\r?\n/).flatMap((line): LabelledText[] => {
      const tab = line.lastIndexOf("\t");
      if (tab < 0) return [];
      const label = line.slice(tab + 1).trim();
      const text = line.slice(0, tab);
      const nationalist = label === "2" ? 1 : label === "1" ? 0 : U;
      const abusive = label === "1" ? 0 : label === "4" ? U : 1;
      return [{ text, source: "ruhsold", targets: [nationalist, abusive] }];
    }),
  );
}

/** MLMA English (with stop words, closer to raw text): hateful/offensive toward origin or religion. */
export function readMlma(folder: string): LabelledText[] {
  const csv = execFileSync("unzip", ["-p", path.join(folder, "hate_speech_mlma.zip"), "hate_speech_mlma/en_dataset_with_stop_words.csv"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const rows = parse(csv, { columns: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((row) => {
    const sentiment = row.sentiment ?? "";
    const isNormal = sentiment === "normal";
    const isHostile = /hateful|offensive|abusive/.test(sentiment);
    const groupTarget = row.target === "origin" || row.target === "religion";
    return {
      text: (row.tweet ?? "").replace(/@user|@url/g, " "),
      source: "mlma",
      targets: [isNormal ? 0 : isHostile && groupTarget && /hateful/.test(sentiment) ? 1 : U, isNormal ? 0 : isHostile ? 1 : U],
    };
  });
}
