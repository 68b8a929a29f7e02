//! AES_CBC_HMAC_SHA2 (RFC 7518 5.2): the JWE content encryption CUCM's
//! tokens use (A128CBC-HS256), composed from RustCrypto's AES-CBC and HMAC.
//! The key is MAC_KEY || ENC_KEY; the tag is the first half of
//! HMAC(MAC_KEY, AAD || IV || ciphertext || AAD length in bits, 64-bit
//! big-endian). The tag is checked (`mac.rs`, in constant time) before decrypting.

use aes::{Aes128, Aes192, Aes256};
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, KeyIvInit};
use zeroize::Zeroizing;

use crate::cert::Hash;
use crate::token::mac;

/// The HMAC's hash for a 32-, 48- or 64-byte key (A128CBC-HS256, A192CBC-HS384, A256CBC-HS512).
fn hash(key_len: usize) -> Option<Hash> {
    Some(match key_len {
        32 => Hash::Sha256,
        48 => Hash::Sha384,
        64 => Hash::Sha512,
        _ => return None,
    })
}

fn mac_input_len(aad: &[u8]) -> [u8; 8] {
    ((aad.len() as u64) * 8).to_be_bytes()
}

/// Decrypts `ciphertext` with a 32-, 48- or 64-byte key (A128CBC-HS256,
/// A192CBC-HS384, A256CBC-HS512); `None` if the tag or the padding is wrong.
pub(crate) fn open(
    key: &[u8],
    aad: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
    expected: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    let half = key.len() / 2;
    let (mac_key, enc_key) = key.split_at(half);
    let hash = hash(key.len())?;
    // The tag is the HMAC's first half: as long as the MAC key.
    if expected.len() != half || iv.len() != 16 {
        return None;
    }
    if !mac::verifies(hash, mac_key, &[aad, iv, ciphertext, &mac_input_len(aad)], expected) {
        return None;
    }
    let plain = match half {
        16 => cbc::Decryptor::<Aes128>::new_from_slices(enc_key, iv).ok()?.decrypt_padded_vec::<Pkcs7>(ciphertext),
        24 => cbc::Decryptor::<Aes192>::new_from_slices(enc_key, iv).ok()?.decrypt_padded_vec::<Pkcs7>(ciphertext),
        _ => cbc::Decryptor::<Aes256>::new_from_slices(enc_key, iv).ok()?.decrypt_padded_vec::<Pkcs7>(ciphertext),
    };
    plain.ok().map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cbc::cipher::BlockModeEncrypt;

    fn unhex(text: &str) -> Vec<u8> {
        let text: String = text.split_whitespace().collect();
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
    }

    /// The encryption side, only to reproduce RFC 7518's vectors byte for byte.
    fn seal(key: &[u8], aad: &[u8], iv: &[u8], plain: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let half = key.len() / 2;
        let ciphertext = match half {
            16 => {
                cbc::Encryptor::<Aes128>::new_from_slices(&key[half..], iv).unwrap().encrypt_padded_vec::<Pkcs7>(plain)
            }
            24 => {
                cbc::Encryptor::<Aes192>::new_from_slices(&key[half..], iv).unwrap().encrypt_padded_vec::<Pkcs7>(plain)
            }
            _ => {
                cbc::Encryptor::<Aes256>::new_from_slices(&key[half..], iv).unwrap().encrypt_padded_vec::<Pkcs7>(plain)
            }
        };
        let t = reference_tag(key.len(), &key[..half], &[aad, iv, &ciphertext, &mac_input_len(aad)]);
        (ciphertext, t)
    }

    /// The tag as RFC 7518 5.2.2.1 computes it, with `hmac` directly.
    fn reference_tag(key_len: usize, mac_key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
        use hmac::{Hmac, KeyInit, Mac};
        fn full<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
            let mut mac = <M as KeyInit>::new_from_slice(key).unwrap();
            parts.iter().for_each(|part| mac.update(part));
            mac.finalize().into_bytes().to_vec()
        }
        let out = match key_len {
            32 => full::<Hmac<sha2::Sha256>>(mac_key, parts),
            48 => full::<Hmac<sha2::Sha384>>(mac_key, parts),
            _ => full::<Hmac<sha2::Sha512>>(mac_key, parts),
        };
        out[..key_len / 2].to_vec()
    }

    #[test]
    fn reproduces_rfc_7518_appendix_b() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/tokens/cbc-hmac-vectors.json")).unwrap();
        let vectors = vectors.as_array().or_else(|| vectors["vectors"].as_array()).expect("a list of vectors");
        assert!(vectors.len() >= 3);
        for v in vectors {
            let field = |name: &str| unhex(v[name].as_str().unwrap_or_else(|| panic!("{name} in {v}")));
            let (key, plain, iv, aad) = (field("K"), field("P"), field("IV"), field("A"));
            let (ciphertext, t) = seal(&key, &aad, &iv, &plain);
            assert_eq!((&ciphertext, &t), (&field("E"), &field("T")), "{}", v["enc"]);
            assert_eq!(&**open(&key, &aad, &iv, &ciphertext, &t).unwrap(), &plain[..]);
            let mut forged = t.clone();
            forged[0] ^= 1;
            assert!(open(&key, &aad, &iv, &ciphertext, &forged).is_none());
            assert!(open(&key, b"other", &iv, &ciphertext, &t).is_none());
        }
    }
}
