package com.acme.docs.api;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private static final String LEGACY_ROOT = "/srv/docstore/legacy";
    private static final java.nio.file.Path STORAGE_ROOT = Paths.get("/srv/docstore/current").toAbsolutePath().normalize();

    public record DocumentSnapshot(long id, String title, byte[] content) implements Serializable { }

    private final DocumentIndex index;

    public DocumentResource(DocumentIndex index) {
        this.index = index;
    }

    @GET
    @Path("/legacy/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response legacyDownload(@PathParam("name") String name,
                                   @QueryParam("folder") @DefaultValue("shared") String folder) {
        try {
            InputStream in = new FileInputStream(new File(LEGACY_ROOT, folder + File.separator + name)); // vuln: CWE-22
            return Response.ok(in).header("Content-Disposition", "attachment").build();
        } catch (FileNotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
    }

    @GET
    @Path("/files/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@PathParam("name") String name) throws IOException {
        java.nio.file.Path resolved = STORAGE_ROOT.resolve(name).normalize();
        if (!resolved.startsWith(STORAGE_ROOT)) {
            throw new ForbiddenException("outside document store");
        }
        return Response.ok(Files.newInputStream(resolved)).build(); // safe: CWE-22
    }

    @POST
    @Path("/{id}/metadata")
    @Consumes(MediaType.APPLICATION_XML)
    public Response importMetadata(@PathParam("id") long id, InputStream body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(body); // vuln: CWE-611
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        String author = doc.getElementsByTagName("author").item(0).getTextContent();
        index.updateMetadata(id, title, author);
        return Response.ok(Map.of("id", id, "title", title)).build();
    }

    @POST
    @Path("/{id}/tags")
    @Consumes(MediaType.APPLICATION_XML)
    public Response importTags(@PathParam("id") long id, InputStream body) throws Exception {
        Document doc = hardenedBuilder().parse(body); // safe: CWE-611
        NodeList tags = doc.getElementsByTagName("tag");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tags.getLength(); i++) {
            names.add(tags.item(i).getTextContent().trim());
        }
        index.replaceTags(id, names);
        return Response.ok(Map.of("id", id, "tags", names)).build();
    }

    @GET
    @Path("/manifest/by-author")
    public Response byAuthor(@QueryParam("author") String author) throws Exception {
        Document manifest = hardenedBuilder().parse(STORAGE_ROOT.resolve("manifest.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = "/manifest/document[author='" + author + "']/@id";
        NodeList ids = (NodeList) xpath.evaluate(expr, manifest, XPathConstants.NODESET); // vuln: CWE-643
        List<String> result = new ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            result.add(ids.item(i).getNodeValue());
        }
        return Response.ok(result).build();
    }

    @POST
    @Path("/restore")
    @Consumes("application/x-java-serialized-object")
    public Response restore(InputStream body) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(body)) {
            DocumentSnapshot snapshot = (DocumentSnapshot) ois.readObject(); // vuln: CWE-502
            index.restore(snapshot.id(), snapshot.title(), snapshot.content());
            return Response.accepted(Map.of("restored", snapshot.id())).build();
        }
    }

    private static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        return dbf.newDocumentBuilder();
    }

    public interface DocumentIndex {
        void updateMetadata(long id, String title, String author);
        void replaceTags(long id, List<String> tags);
        void restore(long id, String title, byte[] content);
    }
}
