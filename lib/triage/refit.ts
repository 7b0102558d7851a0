/**
 * Refitting the triage weights on the desk's own examples: every claim marked (by hand or by
 * accepting a suggestion) is a sentence worth checking, every dismissed suggestion one that
 * is not. With at least MIN_REFIT_EXAMPLES of them, both kinds present, a logistic regression
 * (lib/triage/fit.ts) fits new weights over the same features, stored with when and on how
 * many examples they were fitted; from then on they score every article. The reasons shown
 * still come from the features.
 *
 * Called by an administrator (POST /api/triage/refit); `refitTriageWeights` is the same fit
 * for a scheduled run, acting as the system.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor, AnyActor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { recordEvent } from "@/lib/audit/record-event";
import { fitWeights, type LabelledVector } from "@/lib/triage/fit";
import { analyseText } from "@/lib/triage/sentences";
import { RefitInput } from "@/lib/triage/schemas";
import type { TriageModelDTO } from "@/lib/triage/present";
import { TriageWeights } from "@/lib/triage/model";

/** Fewest examples a desk needs before its weights are refitted. */
export const MIN_REFIT_EXAMPLES = 200;

/** Most examples of each kind used, the newest first: a bound on the time a refit takes. */
const MAX_EXAMPLES_PER_LABEL = 5_000;

/** The desk's examples: claims' quotes (check-worthy) and dismissed sentences (not). */
async function deskExamples(): Promise<{ text: string; label: boolean }[]> {
  const [claims, dismissals] = await Promise.all([
    db.claim.findMany({ select: { exact: true }, orderBy: { createdAt: "desc" }, take: MAX_EXAMPLES_PER_LABEL }),
    db.suggestionDismissal.findMany({ select: { exact: true }, orderBy: { createdAt: "desc" }, take: MAX_EXAMPLES_PER_LABEL }),
  ]);
  return [...claims.map((claim) => ({ text: claim.exact, label: true })), ...dismissals.map((dismissal) => ({ text: dismissal.exact, label: false }))];
}

function vectors(examples: { text: string; label: boolean }[]): LabelledVector[] {
  return examples.flatMap((example) => analyseText(example.text).map((sentence) => ({ vector: sentence.vector, label: example.label })));
}

/** Refits and stores the desk's weights; `conflict` (409) while the desk has too few examples. */
export async function refitTriageWeights(actor: AnyActor): Promise<TriageModelDTO> {
  const examples = await deskExamples();
  const positives = examples.filter((example) => example.label).length;
  const negatives = examples.length - positives;
  if (examples.length < MIN_REFIT_EXAMPLES || positives === 0 || negatives === 0) {
    throw new AppError(
      "conflict",
      `Refitting needs at least ${MIN_REFIT_EXAMPLES} examples, claims and dismissed suggestions both among them; the desk has ${positives} claims and ${negatives} dismissed suggestions.`,
      { details: { examples: examples.length, positives, negatives, needed: MIN_REFIT_EXAMPLES } },
    );
  }
  const weights = TriageWeights.parse(fitWeights(vectors(examples)));
  return db.$transaction(async (tx) => {
    const model = await tx.triageModel.create({
      data: { bias: weights.bias, weights: weights.weights, examples: examples.length, positives, fittedById: actor.id },
      select: { id: true, createdAt: true },
    });
    await recordEvent(tx, {
      actor,
      action: "triage.refitted",
      targetType: "triage_model",
      targetId: model.id,
      after: { examples: examples.length, positives, bias: weights.bias, weights: weights.weights },
    });
    return { id: model.id, fittedAt: model.createdAt.toISOString(), examples: examples.length, positives, ...weights };
  });
}

/** POST /api/triage/refit: administrators only. */
export async function refitTriage({ actor, input }: { actor: Actor | null; input: unknown }): Promise<TriageModelDTO> {
  assertCan(actor, "triage.refit");
  parseInput(RefitInput, input);
  return refitTriageWeights(actor);
}
