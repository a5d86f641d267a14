package org.example.restaurant.cashier.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.example.restaurant.cashier.bill.PaymentMethod;

/**
 * The day's takings as {@code GET /api/reports/daily} answers them. The day runs from
 * {@code from} (inclusive) to {@code to} (exclusive), midnight to midnight in the
 * restaurant's time zone ({@code cashier.zone}).
 * <ul>
 * <li>{@code billsPaid}, {@code sales} and {@code tax}: the bills that became paid that
 * day (the moment the payment that covered them was taken), their totals and their tax. A
 * bill opened one day and paid the next counts on the day it was paid.</li>
 * <li>{@code payments}, {@code byMethod} and {@code tips}: the payments taken that day,
 * counted and summed by method, whichever bill they are for. So the payment amounts in
 * {@code byMethod} add up to {@code sales} when every bill paid that day was paid that
 * same day; a bill split across midnight shows its first part in the first day's payments
 * and its total in the second day's sales. Tips are never part of a bill's total or of
 * {@code sales}.</li>
 * </ul>
 *
 * @param date the day
 * @param zone the time zone the day is taken in
 * @param from the first instant of the day
 * @param to the first instant of the next day
 * @param currency the currency of every amount
 * @param billsPaid how many bills became paid
 * @param sales the sum of their totals
 * @param tax the sum of their tax
 * @param tips the sum of the tips of the day's payments
 * @param byMethod per method ({@code CASH}, {@code CARD}, always both): the count, amount
 * and tips of the day's payments
 * @param byCashier per cashier (staff number) who took payments that day: the count,
 * amount and tips of their payments, so the day can be read per cashier
 * @param payments how many payments were taken
 */
record DailyReport(LocalDate date, String zone, Instant from, Instant to, String currency, long billsPaid,
		BigDecimal sales, BigDecimal tax, BigDecimal tips, Map<PaymentMethod, MethodTotals> byMethod,
		Map<String, CashierTotals> byCashier, long payments) {

	/**
	 * The payments one cashier took.
	 *
	 * @param count how many
	 * @param amount their amounts, tips not included
	 * @param tips their tips
	 */
	record CashierTotals(long count, BigDecimal amount, BigDecimal tips) {

	}

	/**
	 * The payments of one method.
	 *
	 * @param count how many
	 * @param amount the sum of their amounts (what counted against bills)
	 * @param tips the sum of their tips
	 */
	record MethodTotals(long count, BigDecimal amount, BigDecimal tips) {
	}

}
