/** A refused assignment change the instructor can fix; the message is shown on the form as is. */
export class AssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentError';
  }
}
