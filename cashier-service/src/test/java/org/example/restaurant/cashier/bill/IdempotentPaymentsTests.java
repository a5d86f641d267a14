package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.cashier.Api;
import org.example.restaurant.cashier.CashierServiceTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on payments, through the running service: a repeat pays nothing
 * more and gets the first answer; the key with another payment is refused; a key whose
 * first request failed may be used again.
 */
@CashierServiceTest
class IdempotentPaymentsTests extends BillsThroughTheApi {

	@Test
	void answersARepeatWithTheFirstResponseAndPaysNothingMore() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();

		Repeated payment = payTwice(bill, key,
				"{\"method\": \"CASH\", \"amount\": 5.00, \"tip\": 1.00, \"tendered\": 10.00}");
		Api.Reply first = payment.first();
		Api.Reply repeat = payment.repeat();

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(repeat.status()).isEqualTo(201);
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeat.header("Location")).isEqualTo(first.header("Location"))
			.endsWith("/payments/" + first.json().path("id").asString());
		assertThat(repeat.header("Content-Type")).startsWith("application/json");
		assertThat(repeat.body()).isEqualTo(first.body());
		assertThat(paymentsOf(bill)).hasSize(1);
		assertThat(paidOn(bill)).isEqualByComparingTo("5.00");
	}

	@Test
	void storesBillPaidOnceWhenTheCoveringPaymentIsRepeated() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();

		Repeated payment = payTwice(bill, key, "{\"method\": \"CARD\", \"amount\": 19.00}");

		assertThat(payment.first().status()).as(payment.first().body()).isEqualTo(201);
		assertThat(payment.repeat().header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + bill.getId() + "%"))
			.as("one BillPaid")
			.isEqualTo(1);
	}

	@Test
	void takesTheSamePaymentWrittenDifferentlyAsARepeat() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();

		Api.Reply first = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");
		Api.Reply repeat = pay(bill, "\"" + key + "\"", """
				{ "amount" : 5, "tip": 0.00,
				  "method": "CARD" }""");

		assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeat.body()).isEqualTo(first.body());
		assertThat(paymentsOf(bill)).hasSize(1);
	}

	@Test
	void refusesTheKeyWithAnotherPaymentAndStoresNothing() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();
		pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

		Api.Reply other = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 6.00}");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
		assertThat(other.json().path("detail").asString()).contains("Idempotency-Key", key);
		assertThat(paymentsOf(bill)).hasSize(1);
		assertThat(paidOn(bill)).isEqualByComparingTo("5.00");
	}

	@Test
	void refusesTheKeyOfOneBillOnAnother() {
		Bill bill = openBill("19.00");
		Bill another = openBill("19.00");
		String key = UUID.randomUUID().toString();
		pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

		Api.Reply other = pay(another, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

		assertThat(other.status()).isEqualTo(422);
		assertThat(paymentsOf(another)).isEmpty();
	}

	@Test
	void answersConflictWhileTheFirstRequestWithTheKeyIsInFlight() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();
		this.jdbc.update(
				"""
						insert into idempotency_record (idempotency_key, scope, claim_id, fingerprint, state, created_at, expires_at)
						values (?, 'POST /api/bills/{id}/payments', ?, ?, 'IN_FLIGHT', ?, ?)""",
				key, UUID.randomUUID(),
				new PaymentRequest(PaymentMethod.CARD, new BigDecimal("5.00"), null, null).fingerprint(bill.getId())
					.sha256(),
				OffsetDateTime.now(), OffsetDateTime.now().plusDays(1));

		Api.Reply duplicate = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
		assertThat(duplicate.json().path("detail").asString()).contains("still being processed");
		assertThat(paymentsOf(bill)).isEmpty();
	}

	@Test
	void letsTheKeyOfARefusedPaymentBeUsedAgain() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();

		Api.Reply refused = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 25.00}");
		Api.Reply again = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 25.00}");
		Api.Reply corrected = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 19.00}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(again.status()).as("not a replay: nothing was stored").isEqualTo(422);
		assertThat(again.header("Idempotent-Replayed")).isNull();
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(paymentsOf(bill)).hasSize(1);
		assertThat(this.jdbc.queryForObject("select state from idempotency_record where idempotency_key = ?",
				String.class, key))
			.isEqualTo("COMPLETED");
	}

	@Test
	void keepsTheKeyForTwentyFourHours() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();

		pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

		var record = this.jdbc
			.queryForMap("select scope, created_at, expires_at from idempotency_record where idempotency_key = ?", key);
		assertThat(record.get("SCOPE")).isEqualTo("POST /api/bills/{id}/payments");
		assertThat(Duration.between(instant(record.get("CREATED_AT")), instant(record.get("EXPIRES_AT"))))
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void refusesAMalformedKeyNamingTheHeaderAndStoresNothing() {
		Bill bill = openBill("19.00");

		for (String key : List.of("k".repeat(256), "", "tab\tinside")) {
			Api.Reply refused = pay(bill, key, "{\"method\": \"CARD\", \"amount\": 5.00}");

			assertThat(refused.status()).as(key).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
			assertThat(refused.json().path("detail").asString()).contains("Idempotency-Key");
		}
		assertThat(paymentsOf(bill)).isEmpty();
	}

	@Test
	void takesEveryPaymentWithoutAKey() {
		Bill bill = openBill("19.00");

		pay(bill, null, "{\"method\": \"CARD\", \"amount\": 5.00}");
		pay(bill, null, "{\"method\": \"CARD\", \"amount\": 5.00}");

		assertThat(paymentsOf(bill)).hasSize(2);
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

	private Api.Reply pay(Bill bill, String key, String body) {
		String path = "/api/bills/" + bill.getId() + "/payments";
		return (key != null) ? this.api.post(path, body, "Idempotency-Key", key) : this.api.post(path, body);
	}

	/**
	 * Sends the same payment twice with one key, as a till does that did not hear the
	 * first answer.
	 */
	private Repeated payTwice(Bill bill, String key, String body) {
		Api.Reply first = pay(bill, key, body);
		return new Repeated(first, pay(bill, key, body));
	}

	private List<UUID> paymentsOf(Bill bill) {
		return this.jdbc.queryForList("select id from payment where bill_id = ?", UUID.class, bill.getId());
	}

	private BigDecimal paidOn(Bill bill) {
		return this.jdbc.queryForObject("select paid from bill where id = ?", BigDecimal.class, bill.getId());
	}

	/** The answers to a payment and to its repeat. */
	record Repeated(Api.Reply first, Api.Reply repeat) {

	}

}
