/** Placeholder until the CLI lands. */
process.stdout.write('iam-eval: CLI not built yet\n')
