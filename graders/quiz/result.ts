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
