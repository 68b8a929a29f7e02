//! The rules a bundle of certificates (a leaf and its chain) is checked
//! against: the device's, and a token signer's. SAML metadata publishes bare
//! certificates, each trusted by itself, so the SAML checker describes them
//! one by one (`standalone`) and applies its own rules (`saml::certificates`).

/// What a profile requires of the bundle's leaf certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The leaf's key must be ECDSA P-256 (`leaf_not_p256` otherwise).
    pub leaf_must_be_p256: bool,
    /// A self-signed leaf is refused (`self_signed`).
    pub refuse_self_signed_leaf: bool,
    /// A private key must come with the certificate (`no_private_key`).
    pub needs_private_key: bool,
    /// Warn (`expires_soon`) when a certificate has fewer days than this left.
    pub expiry_warning_days: i64,
}

impl Profile {
    /// RoomOS: a P-256 leaf from a CA, with its key (spec, "Certificate requirements").
    pub const DEVICE: Profile = Profile {
        leaf_must_be_p256: true,
        refuse_self_signed_leaf: true,
        needs_private_key: true,
        expiry_warning_days: 30,
    };

    /// A token's signer, as its header's `x5c` chain shows it: any key
    /// type, self-signed or not (trusting the root is the admin's call).
    pub const TOKEN_SIGNER: Profile = Profile {
        leaf_must_be_p256: false,
        refuse_self_signed_leaf: false,
        needs_private_key: false,
        expiry_warning_days: 30,
    };
}
