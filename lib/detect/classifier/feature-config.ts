/** Which hashed features a linear model reads; stored with its weights so training and scoring agree. */
export interface FeatureConfig {
  /** Weights per head: 2^hashBits buckets. */
  hashBits: number;
  words: boolean;
  bigrams: boolean;
  /** Character n-grams of each word padded with spaces, sizes charMin..charMax; 0 turns them off. */
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { hashBits: 18, words: true, bigrams: true, charMin: 2, charMax: 5 };
