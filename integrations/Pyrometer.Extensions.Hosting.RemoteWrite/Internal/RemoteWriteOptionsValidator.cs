using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Transports.RemoteWrite;

namespace Pyrometer.Extensions.Hosting.RemoteWrite.Internal;

/// <summary>
/// Checks the sender's options when the host starts with the sender's own rules
/// (<see cref="RemoteWriteSenderOptions.Validate"/>), so a host fails at start rather than when the sender is created;
/// the message is prefixed with the section's path (<c>Pyrometer:RemoteWrite</c>) and names the setting.
/// </summary>
internal sealed class RemoteWriteOptionsValidator(IConfiguration? section) : IValidateOptions<RemoteWriteSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteWriteSenderOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException exception)
        {
            var path = section is IConfigurationSection { Path: { Length: > 0 } sectionPath } ? sectionPath : nameof(RemoteWriteSenderOptions);
            return ValidateOptionsResult.Fail($"{path}: {exception.Message}");
        }
    }
}
