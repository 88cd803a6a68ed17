// Pushes a counter to a Pushgateway (first argument, default http://127.0.0.1:9091), then pushes periodically from
// a short batch job. Exit code 0 when every push succeeded; otherwise 1 and a one-line reason on stderr.
return await PushExample.PushExampleProgram.RunAsync(args, Console.Out, Console.Error);
