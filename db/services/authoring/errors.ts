import type { AuthoringProblem } from '@/graders/authoring/protocol';

/** Content that cannot be stored as it is; `problems` say where, by file and field. Nothing was saved. */
export class AuthoringRejected extends Error {
  constructor(readonly problems: AuthoringProblem[]) {
    super(problems.map((p) => [p.file, p.field, p.message].filter(Boolean).join(': ')).join('; '));
    this.name = 'AuthoringRejected';
  }
}

export const idTaken = (id: string): AuthoringProblem => ({
  file: 'exercise.json',
  field: 'id',
  message: `"${id}" is already used by another exercise (ids are shared by every course); choose a new id`,
});
