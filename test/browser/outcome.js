// One vector's result as plain data, the same shape in the page, the worker and Node.
export function outcome(run) {
  try {
    return { canonical: run() };
  } catch (error) {
    if (error?.name !== 'ClientEventError') return { crash: String(error) };
    return {
      error: {
        code: error.code,
        path: error.path,
        line: error.line,
        column: error.column,
        message: error.reason,
        ...(error.expectedValues ? { expected_values: [...error.expectedValues] } : {}),
      },
    };
  }
}
