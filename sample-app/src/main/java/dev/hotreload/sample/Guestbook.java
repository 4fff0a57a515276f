package dev.hotreload.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.HotReloadable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guestbook kept in the database. A reloadable bean that writes through a repository:
 * each new generation gets the repository injected by the context, like any constructor
 * argument, and nothing is carried over but the code. Edit the message, recompile, and
 * the next signatures are written the new way, in the same tables and through the same
 * connection pool.
 */
@Component
@HotReloadable
public class Guestbook {

	private final SignatureRepository signatures;

	public Guestbook(SignatureRepository signatures) {
		this.signatures = signatures;
	}

	/**
	 * Sign the guestbook.
	 * @param name who signs; a name signs once
	 * @return the stored signature
	 */
	@Transactional
	public Signature sign(String name) {
		return this.signatures.save(new Signature(null, name, "Thank you for signing, " + name, Instant.now()));
	}

	/**
	 * Sign the guestbook for several visitors at once: all of them or, if one cannot
	 * sign, none.
	 * @param names who signs
	 * @return the stored signatures
	 */
	@Transactional
	public List<Signature> signAll(List<String> names) {
		List<Signature> signed = new ArrayList<>();
		for (String name : names) {
			signed.add(sign(name));
		}
		return signed;
	}

	/**
	 * Return every signature, oldest first.
	 * @return the signatures
	 */
	@Transactional(readOnly = true)
	public List<Signature> signatures() {
		return this.signatures.findAllByOrderByIdAsc();
	}

}
