using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Churn.Models;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Churn.ChurnAuth;
using static Clientele.Api.Tests.Churn.ChurnTraining;

namespace Clientele.Api.Tests.Churn;

/// <summary>Seed 002's single and batch predictions: real scores of a trained model, stored in the risk history.</summary>
public sealed class ChurnPredictionTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private readonly ChurnServer server = servers.Current;

    private static readonly string[] PredictionFields =
        ["customer_id", "risk_score", "prediction_time", "features_used", "model_version", "risk_band", "top_factors"];

    private static string Band(double score) => score >= 0.7 ? "high" : score >= 0.3 ? "medium" : "low";

    private async Task<HttpClient> TrainedAsync(string slug, int customers = 300)
    {
        var (client, _) = await NewOrganizationAsync(server, slug);
        await CreateLabelledAsync(client, customers, prefix: slug);
        await TrainAsync(client);
        return client;
    }

    [DatabaseFact]
    public async Task A_prediction_answers_the_seed_fields_and_the_score_goes_into_the_customer_and_its_history()
    {
        var client = await TrainedAsync("churn-predict");
        var risky = await ChurnRows.CreateIdAsync(client, Risky("Рискованный Клиент", "risky@mail.kz"));
        var safe = await ChurnRows.CreateIdAsync(client, Safe("Надёжный Клиент", "safe@mail.kz"));
        var started = DateTime.UtcNow.AddSeconds(-2);

        var response = await client.PostAsJsonAsync(PredictPath, new { customer_id = risky });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prediction = await response.ReadJsonAsync();
        Assert.Equal(PredictionFields.Order(), prediction.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(risky, prediction.GetProperty("customer_id").GetInt32());
        var score = prediction.GetProperty("risk_score").GetDouble();
        Assert.InRange(score, 0, 1);
        Assert.EndsWith("Z", prediction.GetProperty("prediction_time").GetString());
        var time = prediction.GetProperty("prediction_time").GetDateTime().ToUniversalTime();
        Assert.InRange(time, started, DateTime.UtcNow.AddSeconds(2));
        var features = prediction.GetProperty("features_used");
        Assert.Equal(FeatureNames.Order(), features.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(52, features.GetProperty("age").GetInt32());
        Assert.Equal(2, features.GetProperty("tenure").GetInt32());
        Assert.Equal(90_000, features.GetProperty("balance").GetDouble());
        Assert.Equal(4, features.GetProperty("products").GetInt32());
        Assert.True(features.GetProperty("credit_card").GetBoolean());
        Assert.False(features.GetProperty("active").GetBoolean());
        Assert.Equal(60_000, features.GetProperty("salary").GetDouble());
        Assert.Equal("v1", prediction.GetProperty("model_version").GetString());
        Assert.Equal(Band(score), prediction.GetProperty("risk_band").GetString());
        var factors = prediction.GetProperty("top_factors").EnumerateArray().ToList();
        Assert.InRange(factors.Count, 1, 3);
        Assert.All(factors, f =>
        {
            Assert.Equal(["contribution", "description", "feature"], f.EnumerateObject().Select(p => p.Name).Order());
            Assert.Contains(f.GetProperty("feature").GetString(), FeatureNames);
            Assert.Equal(JsonValueKind.Number, f.GetProperty("contribution").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString()));
        });
        Assert.Equal(factors.Count, factors.Select(f => f.GetProperty("feature").GetString()).Distinct().Count());
        var contributions = factors.Select(f => Math.Abs(f.GetProperty("contribution").GetDouble())).ToList();
        Assert.Equal(contributions.OrderDescending(), contributions);

        // The riskiest profile of the training pattern scores above the safest and is flagged high.
        var safeScore = (await PredictAsync(client, safe)).GetProperty("risk_score").GetDouble();
        Assert.True(score > safeScore, $"risky {score} vs safe {safeScore}");
        Assert.True(score >= 0.7, $"risky {score}");
        Assert.True(safeScore < 0.3, $"safe {safeScore}");

        var customer = await CustomerAsync(client, risky);
        Assert.Equal(score, customer.GetProperty("risk_score").GetDouble());
        Assert.Equal(Band(score), customer.GetProperty("risk_band").GetString());
        Assert.Equal("v1", customer.GetProperty("model_version").GetString());
        var history = customer.GetProperty("risk_history").EnumerateArray().ToList();
        Assert.Equal(["predict", "customer"], history.Select(h => h.GetProperty("source").GetString()));
        Assert.Equal(score, history[0].GetProperty("score").GetDouble());
        Assert.Equal(time, history[0].GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal("v1", history[0].GetProperty("model_version").GetString());
        // The same customer and model give the same score: creating it already scored it so.
        Assert.Equal(score, history[1].GetProperty("score").GetDouble());
        Assert.Equal(factors.Select(f => f.GetProperty("feature").GetString()),
            history[0].GetProperty("top_factors").EnumerateArray().Select(f => f.GetProperty("feature").GetString()));

        var again = await PredictAsync(client, risky);
        Assert.Equal(score, again.GetProperty("risk_score").GetDouble());
        Assert.Equal(3, (await CustomerAsync(client, risky)).GetProperty("risk_history").GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_form_urlencoded_body_predicts_as_json_does()
    {
        var client = await TrainedAsync("churn-predict-form", 120);
        var id = await ChurnRows.CreateIdAsync(client, Safe("Форма Клиент", "form@mail.kz"));
        var json = await PredictAsync(client, id);

        var response = await client.PostAsync(PredictPath, new StringContent($"customer_id={id}", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var form = await response.ReadJsonAsync();
        Assert.Equal(id, form.GetProperty("customer_id").GetInt32());
        Assert.Equal(json.GetProperty("risk_score").GetDouble(), form.GetProperty("risk_score").GetDouble());
        Assert.Equal(json.GetProperty("features_used").ToString(), form.GetProperty("features_used").ToString());
        Assert.Equal(3, (await CustomerAsync(client, id)).GetProperty("risk_history").GetArrayLength());

        var missing = await AssertErrorAsync(await client.PostAsync(PredictPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["other"] = "1" })),
            HttpStatusCode.BadRequest, "Invalid input");
        AssertRequired(missing, "customer_id");
    }

    [DatabaseFact]
    public async Task Without_a_model_predict_is_400_an_unknown_customer_404_and_nothing_is_stored()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-predict-nomodel");
        var created = await ChurnRows.CreateAsync(client, Risky("Без модели", "nomodel@mail.kz"));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("risk_score").ValueKind);

        var refused = await AssertErrorAsync(await client.PostAsJsonAsync(PredictPath, new { customer_id = id }), HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal(ModelEndpoints.NoModel, refused.GetProperty("detail").GetString());
        await AssertOnlyErrorAsync(await client.PostAsJsonAsync(PredictPath, new { customer_id = id + 1000 }), HttpStatusCode.NotFound, "Resource not found");
        AssertRequired(await AssertErrorAsync(await client.PostAsJsonAsync(PredictPath, new { customer_id = (int?)null }), HttpStatusCode.BadRequest), "customer_id");
        var noModelBatch = await AssertErrorAsync(await client.PostAsJsonAsync(BatchPath, new { customer_ids = new[] { id } }), HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal(ModelEndpoints.NoModel, noModelBatch.GetProperty("detail").GetString());

        var customer = await CustomerAsync(client, id);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("risk_score").ValueKind);
        Assert.Equal(0, customer.GetProperty("risk_history").GetArrayLength());
        Assert.Empty(await AlertsAsync(client));
    }

    [DatabaseFact]
    public async Task Creating_or_updating_a_customer_after_training_scores_it_and_an_unknown_one_stays_404()
    {
        var client = await TrainedAsync("churn-predict-create");

        var created = await ChurnRows.CreateAsync(client, Safe("Новый Клиент", "new@mail.kz"));
        var id = created.GetProperty("id").GetInt32();
        var first = created.GetProperty("risk_score").GetDouble();
        Assert.InRange(first, 0, 1);
        Assert.Equal(Band(first), created.GetProperty("risk_band").GetString());
        Assert.Equal("v1", created.GetProperty("model_version").GetString());
        var history = (await CustomerAsync(client, id)).GetProperty("risk_history").EnumerateArray().ToList();
        Assert.Equal("customer", Assert.Single(history).GetProperty("source").GetString());
        Assert.Equal(first, history[0].GetProperty("score").GetDouble());

        var updated = await client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", Risky("Новый Клиент", "new@mail.kz"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var second = (await updated.ReadJsonAsync()).GetProperty("risk_score").GetDouble();
        Assert.True(second > first, $"after the update {second}, before {first}");
        var detail = await CustomerAsync(client, id);
        Assert.Equal(second, detail.GetProperty("risk_score").GetDouble());
        Assert.Equal([second, first], detail.GetProperty("risk_history").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()));
        // The score a prediction gives now is the one the update stored.
        Assert.Equal(second, (await PredictAsync(client, id)).GetProperty("risk_score").GetDouble());

        await AssertOnlyErrorAsync(await client.PostAsJsonAsync(PredictPath, new { customer_id = 987654 }), HttpStatusCode.NotFound, "Resource not found");
        // Another organization's customer is as unknown.
        var (other, _) = await NewOrganizationAsync(server, "churn-predict-other");
        await AssertOnlyErrorAsync(await other.PostAsJsonAsync(PredictPath, new { customer_id = id }), HttpStatusCode.NotFound, "Resource not found");
        Assert.Equal(3, (await CustomerAsync(client, id)).GetProperty("risk_history").GetArrayLength());
    }

    [DatabaseFact]
    public async Task Only_risk_analysts_predict_and_a_viewer_is_refused()
    {
        var admin = await NewUserAsync(server, Role.Admin);
        var writer = server.WithApiKey(await server.CreateApiKeyAsync(admin.OrganizationId, "churn:write"));
        await CreateLabelledAsync(writer, 120, prefix: "roles");
        await TrainAsync(writer);
        var id = await ChurnRows.CreateIdAsync(admin.Client, Safe("Роль Клиент", "role@mail.kz"));
        var analyst = await NewUserAsync(server, Role.Analyst, admin.OrganizationId);
        var viewer = await NewUserAsync(server, Role.Viewer, admin.OrganizationId);

        Assert.Equal(id, (await PredictAsync(analyst.Client, id)).GetProperty("customer_id").GetInt32());
        Assert.Equal(id, (await PredictAsync(admin.Client, id)).GetProperty("customer_id").GetInt32());
        await AssertOnlyErrorAsync(await viewer.Client.PostAsJsonAsync(PredictPath, new { customer_id = id }), HttpStatusCode.Forbidden,
            "You do not have permission to perform this action");
        await AssertOnlyErrorAsync(await viewer.Client.PostAsJsonAsync(BatchPath, new { customer_ids = new[] { id } }), HttpStatusCode.Forbidden,
            "You do not have permission to perform this action");
        await AssertOnlyErrorAsync(await server.CreateClient().PostAsJsonAsync(PredictPath, new { customer_id = id }), HttpStatusCode.Unauthorized,
            "Authentication credentials were not provided");
        Assert.Equal(3, (await CustomerAsync(viewer.Client, id)).GetProperty("risk_history").GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_batch_scores_every_listed_customer_as_a_job_and_only_those()
    {
        var client = await TrainedAsync("churn-batch");
        var ids = (await ChurnRows.PageAsync(client, "?page_size=100")).GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        var listed = ids.Take(40).ToList();
        // A sample of the others (each customer read costs its explanations).
        var unlisted = ids.Skip(40).Where((_, index) => index % 4 == 0).ToList();
        foreach (var id in listed.Concat(unlisted))
        {
            Assert.Equal(1, (await CustomerAsync(client, id)).GetProperty("risk_history").GetArrayLength());
        }

        var response = await client.PostAsJsonAsync(BatchPath, new { customer_ids = listed.Concat(listed.Take(5)).ToList() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        Assert.Equal(["message", "status", "task_id"], accepted.EnumerateObject().Select(p => p.Name).Order());
        var taskId = accepted.GetProperty("task_id").GetString()!;
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.Equal("Scoring 40 customer(s)", accepted.GetProperty("message").GetString());
        Assert.Equal($"/churn/api/predict/batch/{taskId}/", response.Headers.Location?.OriginalString);

        var done = await PollAsync(client, $"{BatchPath}{taskId}/");
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.String, done.GetProperty("completed_at").ValueKind);
        var result = done.GetProperty("result");
        Assert.Equal(40, result.GetProperty("scored").GetInt32());
        Assert.Equal("v1", result.GetProperty("model_version").GetString());

        var high = 0;
        foreach (var id in listed)
        {
            var customer = await CustomerAsync(client, id);
            var history = customer.GetProperty("risk_history").EnumerateArray().ToList();
            Assert.Equal(2, history.Count);
            Assert.Equal("batch", history[0].GetProperty("source").GetString());
            Assert.Equal("v1", history[0].GetProperty("model_version").GetString());
            Assert.Equal(customer.GetProperty("risk_score").GetDouble(), history[0].GetProperty("score").GetDouble());
            // Same model, same features: the batch agrees with the sweep that scored them after training.
            Assert.Equal(history[1].GetProperty("score").GetDouble(), history[0].GetProperty("score").GetDouble());
            high += customer.GetProperty("risk_score").GetDouble() >= 0.7 ? 1 : 0;
        }
        Assert.Equal(high, result.GetProperty("high_risk").GetInt32());
        foreach (var id in unlisted)
        {
            Assert.Equal(1, (await CustomerAsync(client, id)).GetProperty("risk_history").GetArrayLength());
        }

        // Another organization cannot read the task.
        var (other, _) = await NewOrganizationAsync(server, "churn-batch-other");
        await AssertOnlyErrorAsync(await other.GetAsync($"{BatchPath}{taskId}/"), HttpStatusCode.NotFound, "Resource not found");
        // A training task id is not a batch task.
        var training = (await GetJsonAsync(client, "/platform/api/jobs")).EnumerateArray().First(j => j.GetProperty("kind").GetString() == "churn.training");
        await AssertOnlyErrorAsync(await client.GetAsync($"{BatchPath}{training.GetProperty("id").GetString()}/"), HttpStatusCode.NotFound, "Resource not found");
        await AssertOnlyErrorAsync(await client.GetAsync($"{BatchPath}not-a-task/"), HttpStatusCode.NotFound, "Resource not found");
    }

    [DatabaseFact]
    public async Task A_batch_of_nothing_of_unknown_ids_or_of_more_than_100000_ids_is_400_and_queues_nothing()
    {
        var client = await TrainedAsync("churn-batch-bad", 120);
        var known = (await ChurnRows.PageAsync(client, "?page_size=1")).GetProperty("results")[0].GetProperty("id").GetInt32();
        var (other, _) = await NewOrganizationAsync(server, "churn-batch-theirs");
        var theirs = await ChurnRows.CreateIdAsync(other, Safe("Чужой", "theirs@mail.kz"));
        var jobsBefore = (await GetJsonAsync(client, "/platform/api/jobs")).GetArrayLength();

        async Task<JsonElement> Refused(object body)
        {
            var error = await AssertErrorAsync(await client.PostAsJsonAsync(BatchPath, body), HttpStatusCode.BadRequest, "Invalid input");
            Assert.True(error.GetProperty("fields").TryGetProperty("customer_ids", out _), error.ToString());
            return error;
        }

        Assert.Contains("Give between 1 and 100000 customer ids.", (await Refused(new { customer_ids = Array.Empty<int>() })).GetProperty("detail").GetString());
        Assert.Contains("Give between 1 and 100000 customer ids.",
            (await Refused(new { customer_ids = Enumerable.Range(1, 100_001).ToArray() })).GetProperty("detail").GetString());
        var unknown = await Refused(new { customer_ids = new[] { known, 999_999, 999_998 } });
        Assert.Contains("2 unknown customer id(s): 999999, 999998", unknown.GetProperty("detail").GetString());
        Assert.Contains($"1 unknown customer id(s): {theirs}", (await Refused(new { customer_ids = new[] { known, theirs } })).GetProperty("detail").GetString());
        AssertRequired(await Refused(new { }), "customer_ids");
        AssertRequired(await Refused(new { customer_ids = (int[]?)null }), "customer_ids");

        Assert.Equal(jobsBefore, (await GetJsonAsync(client, "/platform/api/jobs")).GetArrayLength());
        Assert.Equal(1, (await CustomerAsync(client, known)).GetProperty("risk_history").GetArrayLength());
    }
}
