package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicestandards.access.Role;
import org.servicestandards.json.Json;

/**
 * The dashboard in a real headless Chromium against the running service with the samples stored:
 * it asks for a key, explains a refused one, shows the samples' figures and charts, a filter changes
 * the violation table to what the API answers, and a row opens its evidence. Screenshots go to
 * target/dashboard.png and target/dashboard-filtered.png.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** The samples' period as the page takes it (UTC days, the end inclusive) and as the API takes it. */
    private static final String PAGE_PERIOD = "from=2026-10-19&to=2026-11-20";
    private static final String API_PERIOD = "from=2026-10-19T00:00:00Z&to=2026-11-21T00:00:00Z";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void auditors_see_the_samples_filter_the_violations_and_open_a_findings_evidence(@TempDir Path data, @TempDir Path profile)
            throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is needed for this test at " + CHROMIUM
                + " (Debian: apt-get install -y chromium chromium-driver; or set CHROMIUM)").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver is needed for this test at " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium-driver; or set CHROMEDRIVER)").isTrue();
        try (TestApp app = new TestApp(data)) {
            app.app.start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.app.port();
            try {
                HttpResponse<String> stored = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/interactions?asOf=" + TestApp.NOW))
                        .header("Authorization", "Bearer " + app.adminKey).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("samples/interactions.ndjson"))).build());
                assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201, 207);
                // The history standards' outcomes are kept by the sweep, so reports and the page include them.
                HttpResponse<String> swept = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/history-standards/sweep?asOf="
                        + TestApp.NOW)).header("Authorization", "Bearer " + app.adminKey).POST(HttpRequest.BodyPublishers.noBody()).build());
                assertThat(swept.statusCode()).as(swept.body()).isEqualTo(202);
                awaitJob(base, app.adminKey, swept.headers().firstValue("Location").orElseThrow());
                String auditor = app.key(Role.AUDITOR);
                String ingestOnly = app.key(Role.INGEST);
                browse(base, app.adminKey, auditor, ingestOnly, profile);
            } finally {
                app.app.stop();
            }
        }
    }

    private void browse(String base, String admin, String auditor, String ingestOnly, Path profile) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base + "/dashboard?" + PAGE_PERIOD);

            // No key yet: the page says what it needs and asks for nothing else.
            WebElement message = driver.findElement(By.id("message"));
            wait.until(d -> message.isDisplayed());
            assertThat(message.getText()).contains("auditor role");

            // A key without the auditor role: a clear 403 message, no figures.
            enterKey(driver, ingestOnly);
            wait.until(d -> "failed".equals(state(d)));
            assertThat(message.getText()).contains("403").contains("auditor role");
            assertThat(text(driver, "tile-rate")).isEqualTo("—");

            // An unknown key: 401.
            enterKey(driver, "ssk_000000000000_not-a-key");
            wait.until(d -> message.getText().contains("401"));

            // The auditor's key: the samples' figures and charts.
            enterKey(driver, auditor);
            wait.until(d -> "loaded".equals(state(d)));
            assertThat(message.isDisplayed()).isFalse();
            JsonNode total = get(base, admin, "/api/v1/reports/compliance?" + API_PERIOD).path("total");
            assertThat(total.path("pass").asInt()).isGreaterThan(0);
            assertThat(text(driver, "tile-rate")).isEqualTo(percent(total.path("rate").asDouble()));
            assertThat(text(driver, "tile-pass")).isEqualTo(total.path("pass").asText());
            assertThat(text(driver, "tile-fail")).isEqualTo(total.path("fail").asText());

            JsonNode byStandard = get(base, admin, "/api/v1/reports/compliance?groupBy=standard&" + API_PERIOD).path("rows");
            List<String> standards = byStandard.findValuesAsText("standard");
            assertThat(standards).isNotEmpty();
            Object labels = ((JavascriptExecutor) driver).executeScript(
                    "return Chart.getChart('chart-standards').data.labels;");
            assertThat(labels).isEqualTo(standards);
            Object weeks = ((JavascriptExecutor) driver).executeScript("return Chart.getChart('chart-weeks').data.labels;");
            assertThat(weeks).isEqualTo(get(base, admin, "/api/v1/reports/compliance?groupBy=week&" + API_PERIOD)
                    .path("rows").findValuesAsText("week"));
            assertThat(driver.findElement(By.id("chart-standards")).getSize().getHeight()).isGreaterThan(100);

            // The lowest agent comes first, with its rate.
            JsonNode agents = get(base, admin, "/api/v1/reports/compliance?groupBy=agent&" + API_PERIOD).path("rows");
            double lowest = 1;
            for (JsonNode agent : agents) {
                lowest = Math.min(lowest, agent.path("rate").asDouble(1));
            }
            assertThat(driver.findElement(By.cssSelector("#agents tbody tr td:nth-child(2)")).getText()).isEqualTo(percent(lowest));

            JsonNode all = get(base, admin, "/api/v1/violations?page=1&size=500&" + API_PERIOD);
            int allTotal = all.path("total").asInt();
            assertThat(driver.findElement(By.id("page-info")).getText()).endsWith(allTotal + " findings");
            assertThat(rows(driver)).hasSize(Math.min(25, allTotal));
            assertThat(driver.findElements(By.cssSelector("#at-risk tbody tr"))).isNotEmpty();
            screenshot(driver, Path.of("target/dashboard.png"));

            // A severity filter: the table shows what the API says for it.
            String severity = "MINOR";
            JsonNode minor = get(base, admin, "/api/v1/violations?page=1&size=500&severity=" + severity + "&" + API_PERIOD);
            int minorTotal = minor.path("total").asInt();
            assertThat(minorTotal).isBetween(1, allTotal - 1);
            choose(driver, wait, "f-severity", severity);
            assertThat(driver.findElement(By.id("page-info")).getText()).endsWith(minorTotal + " findings");
            List<WebElement> minorRows = rows(driver);
            assertThat(minorRows).hasSize(Math.min(25, minorTotal));
            assertThat(minorRows).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).getText())
                    .isEqualTo(severity));
            JsonNode first = minor.path("items").get(0);
            assertThat(minorRows.get(0).getText()).contains(first.path("interactionId").asText())
                    .contains(first.path("standard").asText());

            // The first row opens its evidence: measured vs target, rule, rule-set version, message, and the rule's text.
            minorRows.get(0).findElement(By.cssSelector("button.open")).click();
            WebElement evidence = driver.findElement(By.id("evidence"));
            wait.until(d -> evidence.isDisplayed());
            assertThat(evidence.getText())
                    .contains(first.path("measured").asText()).contains(first.path("target").asText())
                    .contains(first.path("rule").asText()).contains(first.path("ruleset").asText())
                    .contains(first.path("message").asText());
            driver.findElement(By.id("show-rule")).click();
            WebElement detail = driver.findElement(By.id("detail"));
            wait.until(d -> detail.isDisplayed());
            assertThat(detail.getText()).contains("rule \"" + first.path("rule").asText() + "\"");
            driver.findElement(By.id("show-subject")).click();
            wait.until(d -> detail.getText().contains("\"revisions\""));
            assertThat(detail.getText()).contains("\"id\": \"" + first.path("interactionId").asText() + "\"");
            screenshot(driver, Path.of("target/dashboard-filtered.png"));

            // Records carry people's text: an agent and team that look like HTML show as text, never as markup.
            String agent = "<img src=x id=injected>";
            String team = "<b id=bold>night</b>";
            HttpResponse<String> hostile = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/interactions?asOf=" + TestApp.NOW))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(java.util.Map.of(
                            "id", "markup-1", "customer", java.util.Map.of("id", "C-MARKUP", "tier", "STANDARD", "name", "<script>x</script>"),
                            "agent", java.util.Map.of("id", agent, "team", team), "channel", "CHAT", "direction", "INBOUND",
                            "type", "INQUIRY", "openedAt", "2026-11-20T10:00:00Z")))).build());
            assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(201);
            ((JavascriptExecutor) driver).executeScript("document.body.removeAttribute('data-state');");
            driver.findElement(By.cssSelector("#period button[type=submit]")).click();
            wait.until(d -> "loaded".equals(state(d)));
            assertThat(driver.findElement(By.cssSelector("#agents tbody tr td")).getText()).isEqualTo(agent);
            choose(driver, wait, "f-severity", "");
            choose(driver, wait, "f-team", team);
            assertThat(rows(driver)).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains(agent).contains(team));
            assertThat(driver.findElements(By.id("injected"))).isEmpty();
            assertThat(driver.findElements(By.id("bold"))).isEmpty();
        } finally {
            driver.quit();
        }
    }

    /** Chooses a filter and waits for the table to load again. */
    private static void choose(WebDriver driver, WebDriverWait wait, String select, String value) {
        String loads = driver.findElement(By.tagName("body")).getAttribute("data-violation-loads");
        new Select(driver.findElement(By.id(select))).selectByValue(value);
        wait.until(d -> !loads.equals(d.findElement(By.tagName("body")).getAttribute("data-violation-loads")));
    }

    private static void enterKey(WebDriver driver, String key) {
        WebElement field = driver.findElement(By.id("key"));
        field.clear();
        field.sendKeys(key);
        ((JavascriptExecutor) driver).executeScript("document.body.removeAttribute('data-state');");
        driver.findElement(By.id("key-use")).click();
    }

    private static String state(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getAttribute("data-state");
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#violations tbody tr"));
    }

    /** As the page writes a rate. */
    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** The whole page: the window grows to the page's height first. */
    private static void screenshot(WebDriver driver, Path file) throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1400, height.intValue() + 20));
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    private JsonNode get(String base, String key, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    /** Waits until the job at {@code location} has ended, and requires that it succeeded. */
    private void awaitJob(String base, String key, String location) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            String job = send(HttpRequest.newBuilder(URI.create(base + location)).header("Authorization", "Bearer " + key).GET().build())
                    .body();
            if (job.contains("\"state\":\"SUCCEEDED\"")) {
                return;
            }
            assertThat(job).doesNotContain("\"state\":\"FAILED\"").doesNotContain("\"state\":\"CANCELLED\"");
            Thread.sleep(20);
        }
        throw new AssertionError("the job at " + location + " has not ended in a minute");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
