package dev.poolcalc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Something on 127.0.0.1 that accepts TCP connections but is no PostgreSQL: it either says nothing
 * at all, or answers every connection with the same bytes and then keeps it open.
 */
final class FakeServer implements AutoCloseable {

  private final ServerSocket socket;
  private final byte[] answer;
  private final List<Socket> accepted = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final Thread acceptor;

  private FakeServer(byte[] answer) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answer = answer.clone();
    this.acceptor = new Thread(this::acceptAll, "fake-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Accepts and never writes a byte. */
  static FakeServer silent() throws IOException {
    return new FakeServer(new byte[0]);
  }

  /** Accepts and writes {@code answer} at once. */
  static FakeServer answering(byte[] answer) throws IOException {
    return new FakeServer(answer);
  }

  /**
   * What other servers say first: an HTTP server's error, or bytes from a fixed seed (whose first
   * byte is none of PostgreSQL's answers to a TLS request, 'S', 'N' or 'E').
   */
  static byte[] answer(String kind) {
    return switch (kind) {
      case "http" ->
          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      case "random" -> {
        byte[] bytes = new byte[512];
        new Random(20261202L).nextBytes(bytes);
        yield bytes;
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  int port() {
    return socket.getLocalPort();
  }

  /** How many connections it has accepted so far. */
  int accepted() {
    return count.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        synchronized (accepted) {
          accepted.add(client);
        }
        count.incrementAndGet();
        if (answer.length > 0) {
          OutputStream out = client.getOutputStream();
          out.write(answer);
          out.flush();
        }
      } catch (IOException e) {
        // Closed by close(), or the client left before the answer: either way, next.
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (accepted) {
      for (Socket client : accepted) {
        client.close();
      }
    }
  }
}
