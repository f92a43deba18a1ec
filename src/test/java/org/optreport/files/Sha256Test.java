package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Against the published test vectors of FIPS 180-2 (appendix B) and `printf '' | sha256sum`. */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test void matchesThePublishedVectorForAbc() {
        assertEquals(ABC, Sha256.hex("abc"));
    }

    @Test void matchesThePublishedVectorForTwoBlocks() {
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    @Test void theEmptyInputHasItsKnownDigest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
    }

    @Test void textIsHashedAsUtf8() {
        assertEquals(Sha256.hex("η".getBytes(StandardCharsets.UTF_8)), Sha256.hex("η"));
        assertEquals(Sha256.hex(new byte[] {(byte) 0xce, (byte) 0xb7}), Sha256.hex("η"));
    }

    @Test void aDigestFedInPartsEqualsTheWhole() {
        MessageDigest digest = Sha256.digest();
        digest.update("a".getBytes(StandardCharsets.US_ASCII));
        digest.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC, Sha256.finish(digest));
    }
}
