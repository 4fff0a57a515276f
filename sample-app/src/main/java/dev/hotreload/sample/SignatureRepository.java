package dev.hotreload.sample;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The guestbook's signatures, stored with Spring Data JDBC.
 */
public interface SignatureRepository extends ListCrudRepository<Signature, Long> {

	/**
	 * Return every signature, oldest first.
	 * @return the signatures
	 */
	List<Signature> findAllByOrderByIdAsc();

}
