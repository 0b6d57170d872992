package com.acme.ledger.accounts

import java.nio.charset.StandardCharsets
import java.security.{MessageDigest, SecureRandom}
import java.util.{Base64, HexFormat}
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

import cats.effect.IO
import doobie._
import doobie.implicits._

final case class Account(id: Long, owner: String, balance: BigDecimal)
final case class Credentials(username: String, hash: String, salt: String)

class AccountRepository(xa: Transactor[IO]) {

  def find(id: Long): IO[Option[Account]] =
    sql"SELECT id, owner, balance FROM accounts WHERE id = $id".query[Account].option.transact(xa) // safe: CWE-89

  def listSorted(owner: String, sortColumn: String): IO[List[Account]] = {
    val base = fr"SELECT id, owner, balance FROM accounts WHERE owner = $owner"
    val order = Fragment.const(s"ORDER BY $sortColumn")
    (base ++ order).query[Account].to[List].transact(xa) // vuln: CWE-89
  }

  def saveCredentials(c: Credentials): IO[Int] =
    sql"INSERT INTO credentials (username, hash, salt) VALUES (${c.username}, ${c.hash}, ${c.salt})".update.run.transact(xa)
}

object PasswordHasher {
  private val random = new SecureRandom()
  private val legacySalt = "ledger$2019".getBytes(StandardCharsets.UTF_8)

  def pbkdf2(username: String, password: String): Credentials = {
    val salt = new Array[Byte](16)
    random.nextBytes(salt)
    val spec = new PBEKeySpec(password.toCharArray, salt, 210000, 256) // safe: CWE-760
    val key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded
    Credentials(username, Base64.getEncoder.encodeToString(key), Base64.getEncoder.encodeToString(salt))
  }

  def legacyDigest(username: String, password: String): Credentials = {
    val md = MessageDigest.getInstance("SHA-1") // vuln: CWE-328
    md.update(legacySalt) // vuln: CWE-760
    val digest = md.digest(password.getBytes(StandardCharsets.UTF_8))
    Credentials(username, HexFormat.of().formatHex(digest), "")
  }
}

class AccountService(repo: AccountRepository) {
  def register(username: String, password: String, useLegacy: Boolean): IO[Int] = {
    val creds =
      if (useLegacy) PasswordHasher.legacyDigest(username, password)
      else PasswordHasher.pbkdf2(username, password)
    repo.saveCredentials(creds)
  }

  def statement(owner: String, sort: String): IO[List[Account]] = repo.listSorted(owner, sort)
}
