package org.example.restaurant.staff.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The staff, by staff number.
 */
public interface StaffRepository extends JpaRepository<Staff, String> {

	/**
	 * The staff, oldest first.
	 * @return everyone, active or not
	 */
	List<Staff> findAllByOrderByCreatedAtAscNumberAsc();

	/**
	 * A member of staff for a sign-in attempt, their row locked until the transaction
	 * ends: attempts on one number take turns, so each wrong PIN is counted, however many
	 * arrive at once.
	 * @param number the staff number
	 * @return the member of staff, if the number exists
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Staff s where s.number = :number")
	Optional<Staff> findForSignIn(String number);

}
