package com.acme.documents

import java.io.StringReader
import java.nio.charset.StandardCharsets
import java.security.SecureRandom
import java.util.{Base64, HexFormat}
import javax.crypto.{Cipher, SecretKey}
import javax.crypto.spec.{GCMParameterSpec, IvParameterSpec}
import javax.xml.parsers.{DocumentBuilderFactory, SAXParserFactory}

import scala.xml.{Elem, XML}

import akka.http.scaladsl.model.StatusCodes
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import org.xml.sax.InputSource

object DocumentCrypto {
  private val rng       = new SecureRandom()
  private val legacyIv  = Array.fill[Byte](8)(0)

  // format used by the 2016 mainframe bridge; it cannot read anything else
  def encryptForBridge(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding") // vuln: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(legacyIv)) // vuln: CWE-329
    cipher.doFinal(data)
  }

  def encrypt(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val iv = new Array[Byte](12)
    rng.nextBytes(iv)
    val cipher = Cipher.getInstance("AES/GCM/NoPadding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv)) // safe: CWE-329
    iv ++ cipher.doFinal(data)
  }

  def newDocumentId(): String = {
    val bytes = new Array[Byte](16)
    rng.nextBytes(bytes) // safe: CWE-330
    HexFormat.of().formatHex(bytes)
  }
}

object XmlParsing {
  private lazy val hardenedSax: SAXParserFactory = {
    val f = SAXParserFactory.newInstance()
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    f.setFeature("http://xml.org/sax/features/external-general-entities", false)
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false)
    f.setXIncludeAware(false)
    f
  }

  def parseManifest(body: String): Elem =
    XML.withSAXParser(hardenedSax.newSAXParser()).loadString(body) // safe: CWE-611

  def parseLegacyEnvelope(body: String): org.w3c.dom.Document = {
    val builder = DocumentBuilderFactory.newInstance().newDocumentBuilder()
    builder.parse(new InputSource(new StringReader(body))) // vuln: CWE-611
  }
}

class DocumentRoutes(store: DocumentStore, bridgeKey: SecretKey, storageKey: SecretKey) {

  val routes: Route =
    pathPrefix("documents") {
      concat(
        (path("manifest") & post & entity(as[String])) { body =>
          val manifest = XmlParsing.parseManifest(body)
          val titles   = (manifest \\ "document").map(d => (d \@ "title").trim).filter(_.nonEmpty)
          val ids = titles.map { title =>
            val id = DocumentCrypto.newDocumentId()
            store.put(id, DocumentCrypto.encrypt(storageKey, title.getBytes(StandardCharsets.UTF_8)))
            id
          }
          complete(StatusCodes.Created, ids.mkString("[\"", "\",\"", "\"]"))
        },
        (path("bridge" / "envelope") & post & entity(as[String])) { body =>
          val doc       = XmlParsing.parseLegacyEnvelope(body)
          val accountNo = doc.getElementsByTagName("account").item(0).getTextContent
          val payload   = DocumentCrypto.encryptForBridge(bridgeKey, accountNo.getBytes(StandardCharsets.US_ASCII))
          complete(Base64.getEncoder.encodeToString(payload))
        },
        (path(Segment) & get) { id =>
          store.get(id) match {
            case Some(bytes) => complete(Base64.getEncoder.encodeToString(bytes))
            case None        => complete(StatusCodes.NotFound)
          }
        }
      )
    }
}

trait DocumentStore {
  def put(id: String, bytes: Array[Byte]): Unit
  def get(id: String): Option[Array[Byte]]
}
