package org.example.restaurant.orders.order;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * All orders. Reads fetch the lines with the order, since every response shows them.
 * <p>
 * They fetch them with {@code join fetch} in JPQL rather than with an
 * {@code @EntityGraph}: Hibernate builds the SQL of a load by id under an entity graph
 * anew at every call (5 % of the order-service's CPU under the benchmark went to
 * {@code SingleIdEntityLoaderStandardImpl.createLoadPlan}, docs/performance.md), where a
 * query's plan is built once and cached.
 */
public interface OrderRepository extends JpaRepository<Order, UUID> {

	@Override
	@Query("select o from Order o left join fetch o.lines where o.id = :id")
	Optional<Order> findById(@Param("id") UUID id);

	/**
	 * Orders oldest first, only those with one of the statuses, optionally only those at
	 * a table.
	 * @param statuses the statuses, at least one
	 * @param table the table, or {@code null} for all
	 * @return the matching orders, oldest first
	 */
	@Query("""
			select o from Order o left join fetch o.lines
			where o.status in :statuses
			  and (:table is null or o.table = :table)
			order by o.createdAt, o.id
			""")
	List<Order> search(@Param("statuses") Collection<OrderStatus> statuses, @Param("table") String table);

	/**
	 * Orders oldest first, optionally only those with some statuses and/or at a table.
	 * @param statuses the statuses, or none (or {@code null}) for all
	 * @param table the table, or {@code null} for all
	 * @return the matching orders, oldest first
	 */
	default List<Order> find(Collection<OrderStatus> statuses, String table) {
		return search((statuses == null || statuses.isEmpty()) ? EnumSet.allOf(OrderStatus.class) : statuses, table);
	}

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
