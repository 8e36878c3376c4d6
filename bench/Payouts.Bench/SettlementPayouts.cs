using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>
/// Payouts ready to be processed and settled, made through the gateway before a timed part (the settlement and
/// pipeline modes), and their outcomes read from payoutsdb after it.
/// </summary>
public static class SettlementPayouts
{
    private const int PayoutsPerUser = 20;
    private const int SetupConcurrency = 8;

    /// <summary>A payout's outcome: <c>processed_at</c> is when the process call committed, <c>completed_at</c> when the saga applied PayoutSettled.</summary>
    public sealed record PayoutTimes(Guid Uuid, string Status, DateTimeOffset ProcessedAt, DateTimeOffset? CompletedAt);

    /// <summary>The users <see cref="CreateAsync"/> makes for <paramref name="payouts"/> payouts (each user's payouts are consecutive in its result).</summary>
    public static long[] UserIds(int payouts) => [.. Enumerable.Range(0, (payouts + PayoutsPerUser - 1) / PayoutsPerUser).Select(index => 3_000_001L + index)];

    /// <summary>Users funded by an admin credit, each with one beneficiary's bank details (payable at once), and seed 002 simple payouts to them.</summary>
    public static async Task<Guid[]> CreateAsync(HttpClient gateway, AuthenticationHeaderValue admin, LocalTokenIssuer issuer, int payouts)
    {
        var userIds = UserIds(payouts);
        var payees = new (AuthenticationHeaderValue Token, long BeneficiaryId, long DetailsId)[userIds.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, userIds.Length), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (index, _) =>
        {
            var id = userIds[index];
            var token = BenchSetup.Bearer(issuer, id.ToString(CultureInfo.InvariantCulture), PayoutsRoles.User);
            await BenchSetup.SendOkAsync(gateway, admin, "/api/admin/users", new { id, email = $"settle{id}@example.com", minimumPayout = "10" });
            await BenchSetup.SendOkAsync(gateway, admin, $"/api/admin/users/{id}/credits", new { amount = "10000", currency = "USD", reference = $"BENCH-{id}" });
            var beneficiary = await BenchSetup.SendOkAsync(gateway, token, "/beneficiaries",
                new { recipient_type = "individual", customer_name = $"Bench Payee {index}", customer_email = $"payee{id}@example.com", country = "US" });
            var beneficiaryId = beneficiary.GetProperty("data").GetProperty("id").GetInt64();
            var details = await BenchSetup.SendOkAsync(gateway, token, $"/beneficiaries/{beneficiaryId}/details",
                new { bank_name = "Chase", account_number = $"5{id:D9}7", routing_number = "021000021", country = "US", currency = "USD" });
            payees[index] = (token, beneficiaryId, details.GetProperty("data").GetProperty("beneficiary_details_id").GetInt64());
        });

        var ids = new Guid[payouts];
        await Parallel.ForEachAsync(Enumerable.Range(0, payouts), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency }, async (n, _) =>
        {
            var payee = payees[n / PayoutsPerUser];
            var body = new { beneficiary_id = payee.BeneficiaryId, beneficiary_details_id = payee.DetailsId, amount = "100" };
            // PayoutService learns of the details from an event: until it has, the details are not found.
            for (var attempt = 0; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/payout/simple") { Content = JsonContent.Create(body) };
                request.Headers.Authorization = payee.Token;
                using var response = await gateway.SendAsync(request);
                var raw = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    ids[n] = Guid.Parse(JsonDocument.Parse(raw).RootElement.GetProperty("data").GetProperty("payout_id").GetString()!);
                    return;
                }
                if (response.StatusCode != System.Net.HttpStatusCode.NotFound || attempt >= 300)
                    throw new InvalidOperationException($"Setting up the benchmark failed: POST /payout/simple → {(int)response.StatusCode} {raw}");
                await Task.Delay(200);
            }
        });
        return ids;
    }

    public static async Task<List<PayoutTimes>> WaitForOutcomesAsync(string connectionString, Guid[] ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT uuid, status, processed_at, completed_at FROM payouts WHERE uuid = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            var rows = new List<PayoutTimes>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    rows.Add(new PayoutTimes(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
            }
            if (rows.All(r => r.Status is "completed" or "failed")) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{rows.Count(r => r.Status is not ("completed" or "failed"))} payouts were still open after {timeout.TotalMinutes:0} min.");
            await Task.Delay(250);
        }
    }
}
