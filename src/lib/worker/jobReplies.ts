// The replies of a worker that runs one job per request (decoding a class's images, importing a
// logits file): progress, then a result or an error, each naming the request it answers. The
// workers' protocols fill in what their progress and results carry.

/** `Progress`: what a progress report carries; `Result`: the job's outcomes, by `type`. */
export type JobReplies<Progress extends object, Result extends { type: string }> =
  | ({ type: 'progress'; replyTo: number } & Progress)
  | ({ replyTo: number } & Result)
  | { type: 'error'; replyTo: number; message: string };
