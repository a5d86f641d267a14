package org.example.restaurant.orders.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All orders. Reads fetch the lines with the order, since every response shows them.
 */
public interface OrderRepository extends JpaRepository<Order, UUID> {

	@Override
	@EntityGraph(attributePaths = "lines")
	Optional<Order> findById(UUID id);

	/**
	 * Orders oldest first, optionally only those with a status and/or at a table.
	 * @param status the status, or {@code null} for all
	 * @param table the table, or {@code null} for all
	 * @return the matching orders, oldest first
	 */
	@EntityGraph(attributePaths = "lines")
	@Query("""
			select o from Order o
			where (:status is null or o.status = :status)
			  and (:table is null or o.table = :table)
			order by o.createdAt, o.id
			""")
	List<Order> search(@Param("status") OrderStatus status, @Param("table") String table);

	/**
	 * The order with the given id.
	 * @param id the id
	 * @return the order
	 * @throws OrderNotFound if there is none
	 */
	default Order require(UUID id) {
		return findById(id).orElseThrow(() -> new OrderNotFound(id));
	}

}
