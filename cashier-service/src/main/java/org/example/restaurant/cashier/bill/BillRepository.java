package org.example.restaurant.cashier.bill;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The bills, listed oldest first.
 */
public interface BillRepository extends JpaRepository<Bill, UUID> {

	Optional<Bill> findByOrderId(UUID orderId);

	/**
	 * Reads a bill to take a payment on it, and locks its row ({@code select ... for
	 * update}) until the transaction ends: payments on one bill queue up one behind the
	 * other, each sees the balance the previous one left, so none can overpay and a split
	 * payment taken at the same moment as another still succeeds.
	 * @param id the bill's id
	 * @return the bill, locked
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from Bill b where b.id = :id")
	Optional<Bill> findForPayment(UUID id);

	List<Bill> findAllByOrderByOpenedAtAscIdAsc();

	List<Bill> findByStatusOrderByOpenedAtAscIdAsc(BillStatus status);

}
