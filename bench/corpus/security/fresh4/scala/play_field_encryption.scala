package services

import java.nio.charset.StandardCharsets.UTF_8
import java.security.SecureRandom
import java.util.Base64
import javax.crypto.{Cipher, SecretKeyFactory}
import javax.crypto.spec.{GCMParameterSpec, IvParameterSpec, PBEKeySpec, SecretKeySpec}
import javax.inject.{Inject, Singleton}

import play.api.{Configuration, Logging}

final case class PasswordHash(salt: String, hash: String, iterations: Int)

@Singleton
class FieldEncryptionService @Inject() (config: Configuration) extends Logging {
  private val random = new SecureRandom()
  private val masterKey: Array[Byte] = Base64.getDecoder.decode(config.get[String]("crypto.fieldKey"))
  private val legacyIv: Array[Byte] = "0123456789abcdef".getBytes(UTF_8)
  private val exportSalt: Array[Byte] = "acme-export-v2-salt".getBytes(UTF_8)
  private val PasswordIterations = 210000

  private def aesKey: SecretKeySpec = new SecretKeySpec(masterKey, "AES")

  def encryptSsn(ssn: String): String = {
    val cipher = Cipher.getInstance("AES/GCM/NoPadding") // safe: CWE-327
    val iv = new Array[Byte](12)
    random.nextBytes(iv)
    cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv)) // safe: CWE-329
    val ct = cipher.doFinal(ssn.getBytes(UTF_8))
    Base64.getEncoder.encodeToString(iv ++ ct)
  }

  def decryptSsn(encoded: String): String = {
    val bytes = Base64.getDecoder.decode(encoded)
    val (iv, ct) = bytes.splitAt(12)
    val cipher = Cipher.getInstance("AES/GCM/NoPadding")
    cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, iv))
    new String(cipher.doFinal(ct), UTF_8)
  }

  def encryptLegacyToken(value: String): String = {
    val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
    val ivSpec = new IvParameterSpec(legacyIv)
    cipher.init(Cipher.ENCRYPT_MODE, aesKey, ivSpec) // vuln: CWE-329
    Base64.getEncoder.encodeToString(cipher.doFinal(value.getBytes(UTF_8)))
  }

  def cardFingerprint(pan: String): String = {
    val digits = pan.filter(_.isDigit)
    val desKey = new SecretKeySpec(masterKey.take(24), "DESede")
    val cipher = Cipher.getInstance("DESede/ECB/PKCS5Padding") // vuln: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, desKey)
    Base64.getEncoder.encodeToString(cipher.doFinal(digits.getBytes(UTF_8)))
  }

  def exportArchiveKey(passphrase: String): Array[Byte] = {
    val spec = new PBEKeySpec(passphrase.toCharArray, exportSalt, 65536, 256) // vuln: CWE-760
    try SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded
    finally spec.clearPassword()
  }

  def hashPassword(password: String): PasswordHash = {
    val salt = new Array[Byte](16)
    random.nextBytes(salt)
    val spec = new PBEKeySpec(password.toCharArray, salt, PasswordIterations, 256) // safe: CWE-760
    try {
      val derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded
      val enc = Base64.getEncoder
      PasswordHash(enc.encodeToString(salt), enc.encodeToString(derived), PasswordIterations)
    } finally spec.clearPassword()
  }

  def verifyPassword(password: String, stored: PasswordHash): Boolean = {
    val salt = Base64.getDecoder.decode(stored.salt)
    val spec = new PBEKeySpec(password.toCharArray, salt, stored.iterations, 256)
    val derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded
    val ok = java.security.MessageDigest.isEqual(derived, Base64.getDecoder.decode(stored.hash))
    if (!ok) logger.debug("password verification failed")
    ok
  }
}
