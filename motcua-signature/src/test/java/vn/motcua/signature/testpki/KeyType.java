package vn.motcua.signature.testpki;

/** Key types the test PKI issues. */
public enum KeyType {
    RSA_2048, RSA_3072, EC_P256
}
