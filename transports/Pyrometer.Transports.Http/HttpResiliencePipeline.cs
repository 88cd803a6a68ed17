using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Pyrometer.Transports.Http.Internal;

namespace Pyrometer.Transports.Http;

/// <summary>
/// Builds the Polly pipeline push transports send through: retry (outermost) with exponential backoff and jitter on
/// network errors, timeouts, 5xx and 429 (waiting as long as <c>Retry-After</c> asks, up to
/// <see cref="HttpResilienceOptions.MaxDelay"/>), then a circuit breaker, then a timeout per attempt. Other 4xx
/// answers are returned at once, unretried.
/// </summary>
public static class HttpResiliencePipeline
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">The settings; they are validated first.</param>
    /// <param name="timeProvider">The clock for delays, timeouts and the breaker. Default: <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The settings are out of range.</exception>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        var clock = timeProvider ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(options, clock));
        }

        if (options.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => new ValueTask<bool>(TransientFailures.IsTransient(args.Outcome, args.Context.CancellationToken)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> CreateRetry(HttpResilienceOptions options, TimeProvider clock) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        Delay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        ShouldHandle = args =>
        {
            var retry = TransientFailures.IsTransient(args.Outcome, args.Context.CancellationToken)
                && !(RetryAfter.Read(args.Outcome.Result, clock) > options.MaxDelay);
            return new ValueTask<bool>(retry);
        },
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.Read(args.Outcome.Result, clock)),
        OnRetry = args =>
        {
            // The failed response is replaced by the next attempt's; nobody else will dispose it.
            args.Outcome.Result?.Dispose();
            return default;
        },
    };
}
