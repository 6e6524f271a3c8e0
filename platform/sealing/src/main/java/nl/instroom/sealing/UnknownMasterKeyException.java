package nl.instroom.sealing;

import java.util.Collection;
import java.util.List;

/**
 * A stored data key names a master key the mounted file does not hold. It is an error, never "the key is gone":
 * treating it as a deleted key would look like crypto-shredding nobody asked for. The cure is to put the master key
 * back into the file as a previous key (after the current one).
 */
public class UnknownMasterKeyException extends IllegalStateException {

    private final List<String> masterKeyIds;

    public UnknownMasterKeyException(Collection<String> masterKeyIds, String what) {
        super(what + " wrapped by master key(s) " + masterKeyIds + ", which the master key file does not hold: add "
                + "them back as previous keys (after the first line), or the keys they wrap cannot be opened");
        this.masterKeyIds = List.copyOf(masterKeyIds);
    }

    /** The ids the file lacks. */
    public List<String> masterKeyIds() {
        return masterKeyIds;
    }
}
