using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Churn.Models;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Churn.ChurnAuth;
using static Clientele.Api.Tests.Churn.ChurnTraining;

namespace Clientele.Api.Tests.Churn;

/// <summary>Seed 002's model management: training as a job, the trained model's quality, versions, the promotion gate and rollback.</summary>
public sealed class ChurnModelTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private readonly ChurnServer server = servers.Current;

    [DatabaseFact]
    public async Task Without_a_model_info_is_404_and_training_needs_fifty_labelled_customers_of_both_outcomes()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-model-few");

        await AssertOnlyErrorAsync(await client.GetAsync(InfoPath), HttpStatusCode.NotFound, ModelEndpoints.NoModel);
        var none = await AssertErrorAsync(await client.PostAsync(TrainPath, null), HttpStatusCode.BadRequest, "Bad request");
        Assert.Contains("at least 50 customers with a known outcome", none.GetProperty("detail").GetString());
        Assert.Contains("there are 0 stayed and 0 churned", none.GetProperty("detail").GetString());

        // 49 labelled (and unlabelled ones, which do not count) are one short.
        var labelled = await CreateLabelledAsync(client, 49, prefix: "few");
        await ChurnRows.CreateIdAsync(client, ChurnRows.Customer("Без исхода", "unknown1@train.kz"));
        await ChurnRows.CreateIdAsync(client, ChurnRows.Customer("Без исхода два", "unknown2@train.kz"));
        var few = await AssertErrorAsync(await client.PostAsync(TrainPath, null), HttpStatusCode.BadRequest, "Bad request");
        Assert.Equal(["detail", "error"], few.EnumerateObject().Select(p => p.Name).Order());
        var churned = labelled.Count(c => c.Churned);
        Assert.Contains($"there are {49 - churned} stayed and {churned} churned", few.GetProperty("detail").GetString());

        Assert.Equal("[]", await client.GetStringAsync(VersionsPath));

        // The fiftieth is enough (both outcomes have ten or more).
        Assert.InRange(churned, 10, 39);
        await ChurnRows.CreateIdAsync(client, ChurnRows.Customer("Пятидесятый", "fiftieth@train.kz").With("churned", true));
        var (accepted, location) = await StartTrainingAsync(client);
        Assert.Equal("Training on 50 customers with a known outcome", accepted.GetProperty("message").GetString());
        Assert.Equal("succeeded", (await PollAsync(client, location)).GetProperty("status").GetString());
        await WaitForScoringAsync(client);
        Assert.Equal(50, (await GetJsonAsync(client, InfoPath)).GetProperty("training_rows").GetInt32());
    }

    [DatabaseFact]
    public async Task Sixty_customers_who_all_stayed_cannot_train_and_no_job_is_queued()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-model-onesided");
        for (var index = 0; index < 60; index++)
        {
            await ChurnRows.CreateIdAsync(client, ChurnRows.Customer($"Остался {index}", $"stayed{index}@train.kz", age: 20 + index).With("churned", false));
        }

        var refused = await AssertErrorAsync(await client.PostAsync(TrainPath, null), HttpStatusCode.BadRequest, "Bad request");

        Assert.Contains("at least 10 of each; there are 60 stayed and 0 churned", refused.GetProperty("detail").GetString());
        var jobs = await GetJsonAsync(client, "/platform/api/jobs");
        Assert.DoesNotContain(jobs.EnumerateArray(), j => j.GetProperty("kind").GetString() == "churn.training");
        await AssertOnlyErrorAsync(await client.GetAsync(InfoPath), HttpStatusCode.NotFound, ModelEndpoints.NoModel);
    }

    [DatabaseFact]
    public async Task Training_runs_as_a_job_and_the_active_model_reports_its_hold_out_quality()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-model-train");
        var labelled = await CreateLabelledAsync(client);
        var churned = labelled.Count(c => c.Churned);
        var stayed = labelled.Count - churned;
        Assert.InRange(churned, 40, 200);

        var response = await client.PostAsync(TrainPath, null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        Assert.Equal(["message", "status", "task_id"], accepted.EnumerateObject().Select(p => p.Name).Order());
        var taskId = accepted.GetProperty("task_id").GetString()!;
        Assert.True(Guid.TryParse(taskId, out _));
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.Equal("Training on 300 customers with a known outcome", accepted.GetProperty("message").GetString());
        Assert.Equal($"/churn/api/model/train/{taskId}/", response.Headers.Location?.OriginalString);

        var done = await PollAsync(client, $"{TrainPath}{taskId}/");
        Assert.Equal(taskId, done.GetProperty("task_id").GetString());
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.String, done.GetProperty("completed_at").ValueKind);
        Assert.InRange(done.GetProperty("completed_at").GetDateTime().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddSeconds(5));
        var result = done.GetProperty("result");
        Assert.Equal("v1", result.GetProperty("model_version").GetString());
        Assert.True(result.GetProperty("promoted").GetBoolean());
        Assert.Equal(300, result.GetProperty("rows").GetInt32());
        await WaitForScoringAsync(client);

        var info = await GetJsonAsync(client, InfoPath);
        Assert.Equal("v1", info.GetProperty("model_version").GetString());
        Assert.True(info.GetProperty("is_active").GetBoolean());
        Assert.Equal(300, info.GetProperty("training_rows").GetInt32());
        Assert.Equal("Promoted: the first model of this organization", info.GetProperty("decision").GetString());
        Assert.Equal(done.GetProperty("completed_at").GetDateTime(), info.GetProperty("last_trained").GetDateTime(), TimeSpan.FromSeconds(5));
        var metrics = info.GetProperty("metrics");
        foreach (var name in new[] { "accuracy", "precision", "recall", "f1_score", "auc_roc", "pr_auc", "brier" })
        {
            Assert.InRange(metrics.GetProperty(name).GetDouble(), 0, 1);
        }
        Assert.True(metrics.GetProperty("auc_roc").GetDouble() > 0.6, $"auc_roc {metrics.GetProperty("auc_roc")}");
        Assert.True(info.GetProperty("cv_auc").GetDouble() > 0.6, $"cv_auc {info.GetProperty("cv_auc")}");
        Assert.Equal(0.5, metrics.GetProperty("threshold").GetDouble());

        var importance = info.GetProperty("feature_importance");
        Assert.Equal(FeatureNames.Order(), importance.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(importance.EnumerateObject(), p => Assert.InRange(p.Value.GetDouble(), 0, 1));
        Assert.Equal(1.0, importance.EnumerateObject().Sum(p => p.Value.GetDouble()), 0.002);
        // The outcome depends on products, age and activity only, so the most important field is one of them.
        var top = importance.EnumerateObject().MaxBy(p => p.Value.GetDouble()).Name;
        Assert.Contains(top, new[] { "products", "age", "active" });

        var confusion = info.GetProperty("confusion_matrix");
        int Cell(string name) => confusion.GetProperty(name).GetInt32();
        Assert.Equal(HoldOut(churned, stayed), Cell("true_positives") + Cell("false_positives") + Cell("true_negatives") + Cell("false_negatives"));
        Assert.Equal((int)Math.Round(churned * 0.2, MidpointRounding.AwayFromZero), Cell("true_positives") + Cell("false_negatives"));
        var holdOut = HoldOut(churned, stayed);
        Assert.Equal((double)(Cell("true_positives") + Cell("true_negatives")) / holdOut, metrics.GetProperty("accuracy").GetDouble(), 0.0001);

        var curve = info.GetProperty("threshold_curve").EnumerateArray().ToList();
        Assert.Equal(19, curve.Count);
        Assert.Equal(Enumerable.Range(1, 19).Select(step => Math.Round(step * 0.05, 2)), curve.Select(r => r.GetProperty("threshold").GetDouble()));
        Assert.All(curve, row =>
        {
            foreach (var name in new[] { "precision", "recall", "f1", "flagged" })
            {
                Assert.InRange(row.GetProperty(name).GetDouble(), 0, 1);
            }
        });
        // Flagging at a higher threshold never flags more customers.
        var flagged = curve.Select(r => r.GetProperty("flagged").GetDouble()).ToList();
        Assert.Equal(flagged.OrderDescending(), flagged);
        Assert.InRange(info.GetProperty("best_f1_threshold").GetDouble(), 0.01, 0.99);

        var versions = (await GetJsonAsync(client, VersionsPath)).EnumerateArray().ToList();
        var v1 = Assert.Single(versions);
        Assert.Equal("v1", v1.GetProperty("model_version").GetString());
        Assert.True(v1.GetProperty("is_active").GetBoolean());
        Assert.Equal(info.GetProperty("cv_auc").GetDouble(), v1.GetProperty("cv_auc").GetDouble());
        Assert.Equal(metrics.GetProperty("auc_roc").GetDouble(), v1.GetProperty("auc_roc").GetDouble());
        Assert.Equal(300, v1.GetProperty("training_rows").GetInt32());
        Assert.Equal((await GetJsonAsync(client, $"{VersionsPath}v1/")).ToString(), info.ToString());
        await AssertOnlyErrorAsync(await client.GetAsync($"{VersionsPath}v9/"), HttpStatusCode.NotFound, "Resource not found");

        // The promotion re-scored every customer with v1.
        var page = await ChurnRows.PageAsync(client, "?page_size=100");
        Assert.Equal(300, page.GetProperty("count").GetInt32());
        Assert.All(page.GetProperty("results").EnumerateArray(), c =>
        {
            Assert.Equal("v1", c.GetProperty("model_version").GetString());
            Assert.InRange(c.GetProperty("risk_score").GetDouble(), 0, 1);
        });
    }

    [DatabaseFact]
    public async Task Training_again_makes_v2_by_the_gate_and_activating_v1_rolls_back()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-model-versions");
        await CreateLabelledAsync(client);
        await TrainAsync(client);

        // More customers of the same pattern, so v2 learns from more rows.
        await CreateLabelledAsync(client, 60, seed: 77, prefix: "more");
        var second = await TrainAsync(client);

        var result = second.GetProperty("result");
        Assert.Equal("v2", result.GetProperty("model_version").GetString());
        Assert.Equal(360, result.GetProperty("rows").GetInt32());
        var versions = (await GetJsonAsync(client, VersionsPath)).EnumerateArray().ToList();
        Assert.Equal(["v2", "v1"], versions.Select(v => v.GetProperty("model_version").GetString()));
        var (v2, v1) = (versions[0], versions[1]);
        var promoted = v2.GetProperty("is_active").GetBoolean();
        Assert.Equal(promoted, result.GetProperty("promoted").GetBoolean());
        Assert.Equal(!promoted, v1.GetProperty("is_active").GetBoolean());
        var decision = v2.GetProperty("decision").GetString()!;
        Assert.Equal(result.GetProperty("decision").GetString(), decision);
        var (v1Auc, v2Auc) = (v1.GetProperty("cv_auc").GetDouble(), v2.GetProperty("cv_auc").GetDouble());
        if (promoted)
        {
            Assert.StartsWith("Promoted: cross-validated AUC ", decision);
            Assert.Contains("no worse than v1's", decision);
            Assert.True(v2Auc >= v1Auc - 0.005 - 0.0001, $"{v2Auc} vs {v1Auc}");
        }
        else
        {
            Assert.StartsWith("Kept v1: cross-validated AUC ", decision);
            Assert.True(v2Auc < v1Auc - 0.005 + 0.0001, $"{v2Auc} vs {v1Auc}");
        }
        Assert.Equal(1, versions.Count(v => v.GetProperty("is_active").GetBoolean()));
        var active = promoted ? "v2" : "v1";
        Assert.Equal(active, (await GetJsonAsync(client, InfoPath)).GetProperty("model_version").GetString());

        // Rollback to v1 (a no-op answer when v1 was kept).
        var rollback = await client.PostAsync($"{VersionsPath}v1/activate/", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var activated = await rollback.ReadJsonAsync();
        Assert.Equal("v1", activated.GetProperty("model_version").GetString());
        Assert.True(activated.GetProperty("is_active").GetBoolean());
        await WaitForScoringAsync(client);

        Assert.Equal("v1", (await GetJsonAsync(client, InfoPath)).GetProperty("model_version").GetString());
        var after = (await GetJsonAsync(client, VersionsPath)).EnumerateArray().ToList();
        Assert.Equal([false, true], after.Select(v => v.GetProperty("is_active").GetBoolean()));
        // After the rollback every customer is scored by v1 again.
        var page = await ChurnRows.PageAsync(client, "?page_size=100&sort_by=risk_score&order=desc");
        Assert.All(page.GetProperty("results").EnumerateArray(), c => Assert.Equal("v1", c.GetProperty("model_version").GetString()));

        // Activating v2 makes it the one (and a version that does not exist is 404).
        Assert.True((await (await client.PostAsync($"{VersionsPath}v2/activate/", null)).ReadJsonAsync()).GetProperty("is_active").GetBoolean());
        Assert.Equal("v2", (await GetJsonAsync(client, InfoPath)).GetProperty("model_version").GetString());
        await AssertOnlyErrorAsync(await client.PostAsync($"{VersionsPath}v3/activate/", null), HttpStatusCode.NotFound, "Resource not found");
        await WaitForScoringAsync(client);
    }

    [DatabaseFact]
    public async Task Only_model_managers_train_and_activate_and_a_viewer_reads_the_model()
    {
        var admin = await NewUserAsync(server, Role.Admin);
        await CreateLabelledAsync(admin.Client, 120, seed: 11, prefix: "roles");
        var analyst = await NewUserAsync(server, Role.Analyst, admin.OrganizationId);
        var viewer = await NewUserAsync(server, Role.Viewer, admin.OrganizationId);
        var readKey = server.WithApiKey(await server.CreateApiKeyAsync(admin.OrganizationId, "churn:read"));

        foreach (var refused in new[] { analyst.Client, viewer.Client, readKey })
        {
            await AssertOnlyErrorAsync(await refused.PostAsync(TrainPath, null), HttpStatusCode.Forbidden, "You do not have permission to perform this action");
        }
        await AssertOnlyErrorAsync(await server.CreateClient().PostAsync(TrainPath, null), HttpStatusCode.Unauthorized, "Authentication credentials were not provided");

        var (accepted, location) = await StartTrainingAsync(admin.Client);
        var taskPath = $"{TrainPath}{accepted.GetProperty("task_id").GetString()}/";
        Assert.Equal(taskPath, location);
        // Anyone of the organization may follow the task.
        Assert.Equal("succeeded", (await PollAsync(viewer.Client, taskPath)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync(taskPath)).StatusCode);

        foreach (var reader in new[] { analyst.Client, viewer.Client, readKey })
        {
            var info = await GetJsonAsync(reader, InfoPath);
            Assert.Equal("v1", info.GetProperty("model_version").GetString());
            Assert.Equal("v1", Assert.Single((await GetJsonAsync(reader, VersionsPath)).EnumerateArray()).GetProperty("model_version").GetString());
        }
        foreach (var refused in new[] { analyst.Client, viewer.Client, readKey })
        {
            await AssertOnlyErrorAsync(await refused.PostAsync($"{VersionsPath}v1/activate/", null), HttpStatusCode.Forbidden,
                "You do not have permission to perform this action");
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostAsync($"{VersionsPath}v1/activate/", null)).StatusCode);
        await WaitForScoringAsync(server.WithApiKey(await server.CreateApiKeyAsync(admin.OrganizationId, "churn:write")));
    }

    [DatabaseFact]
    public async Task Another_organization_sees_none_of_the_models_tasks_or_versions()
    {
        var (owner, _) = await NewOrganizationAsync(server, "churn-model-owner");
        await CreateLabelledAsync(owner, 120, seed: 5, prefix: "owner");
        var (accepted, location) = await StartTrainingAsync(owner);
        await PollAsync(owner, location);
        await WaitForScoringAsync(owner);
        var other = await NewUserAsync(server, Role.Admin);
        var (otherKey, _) = await NewOrganizationAsync(server, "churn-model-other");

        foreach (var intruder in new[] { other.Client, otherKey })
        {
            await AssertOnlyErrorAsync(await intruder.GetAsync(location), HttpStatusCode.NotFound, "Resource not found");
            await AssertOnlyErrorAsync(await intruder.GetAsync($"{BatchPath}{accepted.GetProperty("task_id").GetString()}/"), HttpStatusCode.NotFound, "Resource not found");
            await AssertOnlyErrorAsync(await intruder.GetAsync($"{VersionsPath}v1/"), HttpStatusCode.NotFound, "Resource not found");
            await AssertOnlyErrorAsync(await intruder.PostAsync($"{VersionsPath}v1/activate/", null), HttpStatusCode.NotFound, "Resource not found");
            Assert.Equal("[]", await intruder.GetStringAsync(VersionsPath));
            await AssertOnlyErrorAsync(await intruder.GetAsync(InfoPath), HttpStatusCode.NotFound, ModelEndpoints.NoModel);
        }
        var job = await otherKey.GetAsync($"/platform/api/jobs/{accepted.GetProperty("task_id").GetString()}");
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal("Job not found", (await job.ReadJsonAsync()).GetProperty("detail").GetString());
        // Malformed and unknown task ids are 404 too.
        await AssertOnlyErrorAsync(await owner.GetAsync($"{TrainPath}not-a-guid/"), HttpStatusCode.NotFound, "Resource not found");
        await AssertOnlyErrorAsync(await owner.GetAsync($"{TrainPath}{Guid.NewGuid()}/"), HttpStatusCode.NotFound, "Resource not found");
        // The owner's model is untouched.
        Assert.Equal("v1", (await GetJsonAsync(owner, InfoPath)).GetProperty("model_version").GetString());
    }
}
