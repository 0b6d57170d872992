package com.acme.docs.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.w3c.dom.Document;

@Path("/documents")
class DocumentResource {

    private static final java.nio.file.Path STORAGE = Paths.get("/var/lib/docs/store");
    private static final Pattern DOC_ID = Pattern.compile("^[a-z0-9-]{1,40}$");

    @GET
    @Path("/raw")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response raw(@QueryParam("file") String file) throws IOException {
        java.nio.file.Path target = STORAGE.resolve(file);
        return Response.ok(Files.readAllBytes(target)).build(); // vuln: CWE-22
    }

    @GET
    @Path("/attachments/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response attachment(@PathParam("name") String name) throws IOException {
        java.nio.file.Path resolved = STORAGE.resolve("attachments").resolve(name).normalize();
        if (!resolved.startsWith(STORAGE.resolve("attachments"))) {
            throw new WebApplicationException(Response.Status.BAD_REQUEST);
        }
        return Response.ok(Files.newInputStream(resolved)).build(); // safe: CWE-22
    }

    @POST
    @Path("/{id}/thumbnail")
    public Response thumbnail(@PathParam("id") String id) throws Exception {
        if (!DOC_ID.matcher(id).matches()) {
            throw new WebApplicationException(Response.Status.BAD_REQUEST);
        }
        String pdf = STORAGE.resolve(id + ".pdf").toString();
        ProcessBuilder pb = new ProcessBuilder("pdftoppm", "-png", "-singlefile", pdf, "/tmp/thumbs/" + id);
        Process p = pb.start(); // safe: CWE-78
        p.waitFor(30, TimeUnit.SECONDS);
        return Response.accepted().build();
    }

    @POST
    @Path("/convert")
    public Response convert(@QueryParam("src") String src, @QueryParam("format") String format) throws Exception {
        String cmd = "soffice --headless --convert-to " + format + " " + src;
        Process p = Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", cmd}); // vuln: CWE-78
        int code = p.waitFor();
        return Response.ok("{\"exit\":" + code + "}", MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/metadata")
    @Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.TEXT_PLAIN)
    public String metadata(InputStream body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder builder = dbf.newDocumentBuilder();
        Document doc = builder.parse(body); // vuln: CWE-611
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        return new String(title.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
