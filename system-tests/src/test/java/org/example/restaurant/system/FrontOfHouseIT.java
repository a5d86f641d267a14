package org.example.restaurant.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front-of-house app in a real browser (Debian's headless Chromium, driven through
 * its chromedriver), against the shared restaurant: a waiter places an order on the floor
 * with a double click, the kitchen display shows it cooked, the waiter serves it, and the
 * cashier takes cash for it, shows the change and opens the receipt. Each screen is saved
 * as a screenshot under {@code target/screenshots/}.
 */
@ExtendWith(RestaurantExtension.class)
class FrontOfHouseIT {

	static final Path CHROMIUM = Path.of(System.getProperty("frontofhouse.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("frontofhouse.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of(System.getProperty("frontofhouse.screenshots", "target/screenshots"));

	static final String TABLE = "T7";

	static ChromeDriver browser;

	static Path profile;

	/**
	 * Opens the browser before the test asks for the restaurant, so that a machine
	 * without Chromium fails at once and says what to install. It fails rather than
	 * skips: the app would otherwise go untested without anyone noticing.
	 */
	@BeforeAll
	static void openABrowser() throws IOException {
		for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(binary)) {
				throw new AssertionError(binary + " is missing: the front-of-house test needs Debian's chromium and"
						+ " chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
			}
		}
		profile = Files.createTempDirectory("front-of-house-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=en-US", "--force-device-scale-factor=1", "--user-data-dir=" + profile);
		// What the page writes to the console, to find script errors.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		// The driver is named, so Selenium Manager never looks for (or downloads) one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		// A tablet in landscape: the page itself gets 1024 x 768, whatever the window's
		// frame takes.
		Object frame = browser
			.executeScript("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
		List<?> sizes = (List<?>) frame;
		browser.manage()
			.window()
			.setSize(
					new Dimension(1024 + ((Number) sizes.get(0)).intValue(), 768 + ((Number) sizes.get(1)).intValue()));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void closeTheBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	@Test
	void oneOrderIsPlacedOnTheFloorCookedServedAndPaidAtTheCashier(Restaurant restaurant) throws IOException {
		new Shift(browser, restaurant).oneWholeOrder();
	}

	/**
	 * One order through the three screens. Every wait polls the page; nothing sleeps.
	 */
	static final class Shift {

		private final ChromeDriver browser;

		private final String gateway;

		private final Restaurant restaurant;

		private final WebDriverWait wait;

		Shift(ChromeDriver browser, Restaurant restaurant) {
			this.browser = browser;
			this.gateway = "http://localhost:" + restaurant.gatewayPort;
			this.restaurant = restaurant;
			this.wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
			this.wait.ignoring(StaleElementReferenceException.class);
			this.wait.ignoring(ElementClickInterceptedException.class);
		}

		void oneWholeOrder() throws IOException {
			Waiter waiter = this.restaurant.waiter();
			int ordersBefore = waiter.ordersAt(TABLE).size();
			// A busy evening: two other tables have ordered already (through the API).
			waiter.place("T3", Line.of("carbonara", 2).withNote("well done"), Line.of("house-red", 1));
			waiter.place("T9", Line.of("risotto", 2).withNote("well done"), Line.of("tiramisu", 1));

			// The floor: table T7 orders two margheritas, one without basil, and a
			// lemonade.
			this.browser.get(this.gateway + "/");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#floor .dish")));
			click("#tables [data-table='" + TABLE + "']");
			click(".dish[data-item='margherita']:not([disabled])");
			click(".dish[data-item='margherita']:not([disabled])");
			click(".dish[data-item='lemonade']:not([disabled])");
			this.wait
				.until(ExpectedConditions.textToBe(By.cssSelector("#draft-lines [data-item='margherita'] .qty"), "2"));
			find("#draft-lines [data-item='margherita'] input.note").sendKeys("one without basil");
			assertThat(find("#draft-total").getText()).isEqualTo("22.90");

			// A double click on "Place order" places one order.
			screenshot("floor-draft");
			new Actions(this.browser).doubleClick(find("#place-order")).perform();
			String orderId = this.wait.until((b) -> find("#floor").getDomAttribute("data-last-order-id"));
			String card = "#orders .order[data-order-id='" + orderId + "']";
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(card)));
			assertThat(waiter.ordersAt(TABLE)).as("orders of " + TABLE).hasSize(ordersBefore + 1);
			assertThat(find(card).getText()).contains("Pizza Margherita", "one without basil", "Homemade Lemonade");
			BigDecimal total = waiter.order(orderId).total();
			assertThat(total).isEqualByComparingTo("22.90");

			// The kitchen display: the ticket is cooked by a replica and waits for a
			// waiter.
			click("nav [data-screen='kitchen']");
			String ticket = "#lane-ready .ticket[data-order-id='" + orderId + "']";
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ticket)));
			assertThat(find(ticket).getText()).contains(TABLE, "Pizza Margherita", "one without basil");
			assertThat(find(ticket + " .replica-chip").getText()).matches("kitchen-\\d+");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#replicas .replica-UP")));
			screenshot("kitchen");

			// The floor: the order is ready; the waiter serves it.
			click("nav [data-screen='floor']");
			String ready = card + "[data-status='READY']";
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ready)));
			screenshot("floor");
			click(ready + " button.serve");
			this.wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + "[data-status='SERVED']")));

			// The cashier: the bill of the order, too little cash first, then enough.
			click("nav [data-screen='cashier']");
			click("#bill-list .bill[data-order-id='" + orderId + "']");
			this.wait.until(
					ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#bill-detail dd.due"), "22.90"));
			type("#pay-form input[name='tendered']", "20");
			click("#pay:not([disabled])");
			WebElement error = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .message.error")));
			assertThat(error.getText()).contains("Request refused", "Cash tendered (20.00) does not cover", "tendered");
			assertThat(find("#pay-form input[name='tendered']").getDomAttribute("aria-invalid")).isEqualTo("true");
			type("#pay-form input[name='tendered']", "50");
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-preview"), "27.10"));
			click("#pay:not([disabled])");
			this.wait.until(
					ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#bill-detail[data-status='PAID']")));
			WebElement change = find("#bill-detail .payment-result");
			assertThat(new BigDecimal(change.getDomAttribute("data-change")))
				.isEqualByComparingTo(new BigDecimal("50").subtract(total));
			assertThat(find("#bill-detail .change-amount").getText()).contains("27.10");
			screenshot("cashier");

			// The receipt, ready to print.
			click("#bill-detail button.receipt-button");
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-text"), "PAID"));
			assertThat(find("#receipt-text").getText()).contains("Table " + TABLE, "TOTAL", "22.90", "Tendered",
					"50.00", "Change", "27.10");
			screenshot("receipt");
			click("#receipt-close");

			// The day's report counts the bill, as the cashier-service does.
			click("#tab-report");
			String day = this.wait.until((b) -> find("#report-date").getDomProperty("value"));
			Till till = this.restaurant.till();
			this.wait.until((b) -> find("[data-figure='billsPaid'] strong").getText()
				.equals(String.valueOf(till.dailyReport(LocalDate.parse(day)).billsPaid())));
			assertThat(Integer.parseInt(find("[data-figure='billsPaid'] strong").getText())).isPositive();
			screenshot("report");

			// Paid: the floor sees the order finished.
			click("nav [data-screen='floor']");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + "[data-status='PAID']")));

			// No script error on the way. The console also lists failed requests: the
			// payment refused on purpose must be there (which shows that the console is
			// read at all); another failed poll is no script error.
			List<String> errors = this.browser.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.map(LogEntry::getMessage)
				.toList();
			String refused = ".*/payments - Failed to load resource: .* status of 422.*";
			assertThat(errors).as("errors in the browser's console").anyMatch((message) -> message.matches(refused));
			assertThat(errors).as("script errors in the browser's console")
				.allMatch((message) -> message.contains("Failed to load resource"));
		}

		private WebElement find(String css) {
			return this.browser.findElement(By.cssSelector(css));
		}

		/**
		 * Clicks an element once it can be clicked. The screens re-render what changed
		 * while they poll, so an element found a moment ago may be gone, and a message
		 * may lie over it for a moment: then it is found afresh and clicked again.
		 */
		private void click(String css) {
			this.wait.until((b) -> {
				WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(b);
				if (element == null) {
					return false;
				}
				// In the middle of the screen, away from the sticky top bar.
				this.browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})",
						element);
				element.click();
				return true;
			});
		}

		private void type(String css, String text) {
			this.wait.until((b) -> {
				WebElement input = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(b);
				if (input == null) {
					return false;
				}
				input.clear();
				input.sendKeys(text);
				return text.equals(input.getDomProperty("value"));
			});
		}

		private void screenshot(String name) throws IOException {
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.browser.getScreenshotAs(OutputType.BYTES));
			System.out.println("Screenshot: " + file.toAbsolutePath());
		}

	}

}
