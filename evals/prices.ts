// What a model costs per million tokens, for the cost column of eval reports. One small table; a model
// not in it is reported with an unknown price (null), never a guessed one. Engines that run here (the
// offline rules, the adversaries) cost nothing. Prices are list prices for standard (non-batch,
// uncached) requests, as published on openai.com/api/pricing; update the table when they change.
export interface Price {
  /** US dollars per million input (prompt) tokens. */
  inputPerMillion: number;
  /** US dollars per million output (completion) tokens. */
  outputPerMillion: number;
}

export const PRICES: Readonly<Record<string, Price>> = {
  "gpt-4.1": { inputPerMillion: 2.0, outputPerMillion: 8.0 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10.0 },
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "o4-mini": { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  o3: { inputPerMillion: 2.0, outputPerMillion: 8.0 },
};

const FREE: Price = { inputPerMillion: 0, outputPerMillion: 0 };

/**
 * The price of an engine's model: free for engines that run locally, the table's entry for a known
 * model (a dated snapshot such as "gpt-4.1-2025-04-14" is priced as its family), else null.
 */
export function priceOf(engine: string, model: string): Price | null {
  if (engine !== "openai") return FREE;
  const name = model.toLowerCase().replace(/^openai\//, "");
  if (PRICES[name]) return PRICES[name];
  const family = name.replace(/-\d{4}-\d{2}-\d{2}$/, "");
  return PRICES[family] ?? null;
}

export function costUsd(price: Price | null, inputTokens: number, outputTokens: number): number | null {
  if (!price) return null;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
