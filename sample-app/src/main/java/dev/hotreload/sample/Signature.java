package dev.hotreload.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;

/**
 * One signature in the guestbook, a row of the {@code signature} table.
 *
 * @param id the row's id, {@code null} until it is saved
 * @param name who signed, unique in the guestbook
 * @param message what the guestbook answered
 * @param signedAt when
 */
public record Signature(@Id @Nullable Long id, String name, String message, Instant signedAt) {

}
