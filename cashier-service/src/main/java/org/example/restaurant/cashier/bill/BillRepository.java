package org.example.restaurant.cashier.bill;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The bills, listed oldest first.
 */
public interface BillRepository extends JpaRepository<Bill, UUID> {

	Optional<Bill> findByOrderId(UUID orderId);

	List<Bill> findAllByOrderByOpenedAtAscIdAsc();

	List<Bill> findByStatusOrderByOpenedAtAscIdAsc(BillStatus status);

}
