/** The triage weights in force: the desk's newest refit, or the shipped ones when it has none. */
import { db } from "@/lib/db";
import { SHIPPED_WEIGHTS, TriageWeights } from "@/lib/triage/model";

export async function currentWeights(): Promise<TriageWeights> {
  const model = await db.triageModel.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { bias: true, weights: true } });
  if (!model) return SHIPPED_WEIGHTS;
  const parsed = TriageWeights.safeParse({ bias: model.bias, weights: model.weights });
  return parsed.success ? parsed.data : SHIPPED_WEIGHTS;
}
