// Thrown at top level: the grader must not read these getters outside its limits.
throw {
  get message() { for (;;) {} },
  get name() { for (;;) {} },
  get stack() { for (;;) {} },
};
