using System.Net.Http.Json;
using System.Text.Json;

namespace Payouts.Testing;

/// <summary>
/// The mail an smtp4dev received, read through its REST API: the test run's own sink (<see cref="SmtpSink"/>) or the
/// AppHost's <c>mail</c> resource.
/// </summary>
public sealed class SmtpMailbox(HttpClient api)
{
    /// <summary>Every message received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailToAsync(string address)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("api/messages?pageSize=5000");
        var mail = new List<ReceivedMail>();
        foreach (var summary in page.GetProperty("results").EnumerateArray()
                     .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase)))
                     .OrderBy(m => m.GetProperty("receivedDate").GetDateTimeOffset()))
        {
            var id = summary.GetProperty("id").GetString()!;
            var message = await api.GetFromJsonAsync<JsonElement>($"api/messages/{id}");
            var headers = message.GetProperty("headers").EnumerateArray()
                .ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString() ?? "", StringComparer.OrdinalIgnoreCase);
            mail.Add(new ReceivedMail(id, summary.GetProperty("from").GetString() ?? "", summary.GetProperty("subject").GetString() ?? "", headers,
                await api.GetStringAsync($"api/messages/{id}/plaintext"), await api.GetStringAsync($"api/messages/{id}/html")));
        }

        return mail;
    }

    /// <summary>Waits until <paramref name="address"/> has received <paramref name="count"/> messages, and returns them.</summary>
    public Task<IReadOnlyList<ReceivedMail>> WaitForMailAsync(string address, int count, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(() => MailToAsync(address), m => m.Count >= count, $"{count} mail(s) to {address}", timeout);
}

/// <summary>One message as smtp4dev received it: its headers (Message-ID among them) and both bodies.</summary>
public sealed record ReceivedMail(string Id, string From, string Subject, IReadOnlyDictionary<string, string> Headers, string Text, string Html);
