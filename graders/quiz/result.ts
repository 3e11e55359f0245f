// What scoring returns. Plain data (JSON-safe) so it can be stored with the attempt and shown to
// students and graders as is.

export interface ConceptResult {
  id: string;
  label: string;
  points: number;
  found: boolean;
  /** The student's words that matched (or nearly matched) the concept. */
  evidence?: string;
  /** Why a near match did not count: "mentioned, but negated or reversed", "partly mentioned". */
  note?: string;
  /** credited; contradicted (said of the wrong subject, denied, or a misconception); partial (half-stated); missing. */
  status?: 'credited' | 'contradicted' | 'partial' | 'missing';
  /** Which sentence of the answer matched which claim, for the grader reviewing it. */
  matches?: ClaimEvidence[];
}

export interface ClaimEvidence {
  /** The claim as the rubric states it ("a VAE generates in one pass"), or the item's label. */
  claim: string;
  verdict: 'credited' | 'contradicted' | 'negated' | 'partial' | 'unattributed';
  /** The student's sentence. */
  sentence: string;
  /** The student's words that matched. */
  words: string;
  /** Who the sentence says it of (a subject's name), when the claim has a subject. */
  saidOf?: string;
  /** Student-facing explanation of a contradiction. */
  why?: string;
}

export interface QuestionResult {
  questionId: string;
  /** For an answer that needs review: the automatic suggestion, to be confirmed by a grader. */
  points: number;
  maxPoints: number;
  /** null while a human has to decide. */
  correct: boolean | null;
  needsReview: boolean;
  /** 0..1; 1 for every type but short answers. */
  confidence: number;
  feedback: string;
  concepts?: ConceptResult[];
  /** Short answers: why the grader is (un)sure, for the reviewer: "said of the wrong subject", "a list of terms". */
  reasons?: string[];
}

export interface QuizResult {
  quizId: string;
  /** Sum of the automatic points, suggestions included. */
  points: number;
  maxPoints: number;
  needsReview: boolean;
  reviewCount: number;
  questions: QuestionResult[];
}

export function certainResult(questionId: string, maxPoints: number, points: number, feedback: string): QuestionResult {
  const rounded = Math.round(points * 1000) / 1000;
  return { questionId, points: rounded, maxPoints, correct: rounded >= maxPoints, needsReview: false, confidence: 1, feedback };
}
