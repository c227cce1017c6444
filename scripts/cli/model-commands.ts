import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { evaluateSuggestionModel } from "@/lib/suggest/evaluate-model";
import { formatEvaluation } from "@/lib/suggest/format-evaluation";
import { generateLabelledComments } from "@/lib/suggest/generate-labelled-comments";
import { loadTrainingExamples } from "@/lib/suggest/load-training-examples";
import { MIN_DECISIONS } from "@/lib/suggest/model-settings";
import { trainSuggestionModel } from "@/lib/suggest/train-suggestion-model";
import { say } from "../lib/output";
import { withDatabase } from "../lib/with-database";

const USAGE = "usage: moddesk model train | moddesk model evaluate [--generated N [--seed S]]";

export async function modelCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { generated: { type: "string" }, seed: { type: "string" } }, strict: true });
  if (verb === "train") {
    await withDatabase(async () => {
      const outcome = await trainSuggestionModel({ id: null, label: "cli" });
      if (outcome.status === "busy") say("Another training is running; nothing done.");
      else if (outcome.status === "off") say(`Not trained: ${outcome.why}.`);
      else
        say(
          `Trained model #${outcome.modelId} on ${outcome.decisions} decisions: held-out accuracy ${(outcome.heldOutAccuracy * 100).toFixed(1)}%, majority baseline ${(outcome.baselineAccuracy * 100).toFixed(1)}%.`,
        );
    });
    return;
  }
  if (verb === "evaluate") {
    if (values.generated !== undefined) {
      const count = Number(values.generated);
      const seed = Number(values.seed ?? 2015);
      if (!Number.isInteger(count) || count < MIN_DECISIONS) throw new AppError("INVALID", `--generated needs a whole number of at least ${MIN_DECISIONS}`);
      for (const line of formatEvaluation(evaluateSuggestionModel(generateLabelledComments({ count, seed })), `generated, seed ${seed}`)) say(line);
      return;
    }
    await withDatabase(async () => {
      const examples = await loadTrainingExamples();
      if (examples.length < MIN_DECISIONS) throw new AppError("INVALID", `Nothing to evaluate: needs ${MIN_DECISIONS} decisions, has ${examples.length}.`);
      for (const line of formatEvaluation(evaluateSuggestionModel(examples), "this installation's decisions")) say(line);
    });
    return;
  }
  throw new AppError("INVALID", USAGE);
}
