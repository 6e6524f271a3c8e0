/**
 * Sealing personal data at rest, the one algorithm every service that keeps sealed text uses (stay-interviews per
 * school, career-advice per case, mentoring per participant): AES-256-GCM under a data key, each value bound to
 * where it is stored ({@link nl.instroom.sealing.Aad}), each data key kept only wrapped by a master key read from a
 * mounted file ({@link nl.instroom.sealing.MasterKeys}) and naming that master key's id, so master keys can rotate.
 *
 * <p>Plain Java on the JDK's JCA, no Spring and no store: what a data key belongs to and where the wrapped keys are
 * kept (a key database apart from the data) is each service's own choice, in its {@code persistence} package. The
 * JDK's cipher is used as it is; there is no cipher code here, only the choices around it, made once.
 */
package nl.instroom.sealing;
