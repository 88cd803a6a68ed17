// A short-lived job that counts its work and sends it by remote write to the URL given as first argument (default
// http://127.0.0.1:9090/api/v1/write), flushing before it exits. Exit code 0 when everything was delivered;
// otherwise 1 and a one-line reason on stderr.
return await RemoteWriteExample.RemoteWriteExampleProgram.RunAsync(args, Console.Out, Console.Error);
