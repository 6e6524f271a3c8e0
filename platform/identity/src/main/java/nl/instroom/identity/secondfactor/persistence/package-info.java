/**
 * Second factors in identity's MongoDB store: secrets sealed with AES-GCM (Spring Security's encryptor) under a key
 * from configuration, recovery codes only as bcrypt hashes, every use a conditional update.
 */
package nl.instroom.identity.secondfactor.persistence;
