"""Serve a built site with the repository's nginx configuration, on 127.0.0.1.

Two set-ups: the test server (`NginxServer(site, work)`: server.conf on plain HTTP, what the
gate tests and measurements use), and the production example itself
(`NginxServer.production_example(...)`: deploy/nginx/reo13.conf, HTTPS and its HTTP redirect,
with its paths, ports and certificate pointed at loopback and a given certificate).
"""

import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "nginx"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")

CONFIG = """
# Test harness around deploy/nginx/: only paths, port and process settings are its own.
daemon off;
worker_processes 1;
user root;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{load_brotli}
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {deploy}/http.conf;
    {include_brotli}
    {servers}
}}
"""

TEST_SERVER = """
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {deploy}/server.conf;
        include {site}/.nginx/content-security-policy.conf;
        include {site}/.nginx/admin-content-security-policy.conf;
    }}
"""

# What reo13.conf names for a production machine, and what stands for it on loopback.
EXAMPLE_SITE = "/var/www/reo13/site"
EXAMPLE_DEPLOY = "/etc/nginx/reo13/"
EXAMPLE_CERTIFICATE = "/etc/letsencrypt/live/reo13/fullchain.pem"
EXAMPLE_KEY = "/etc/letsencrypt/live/reo13/privkey.pem"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxServer:
    def __init__(self, site_dir: Path, work_dir: Path, servers: str | None = None, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.brotli = BROTLI_MODULE.exists()
        site = Path(site_dir).resolve()
        if servers is None:
            servers = TEST_SERVER.format(port=self.port, site=site, deploy=DEPLOY)
        work_dir.mkdir(parents=True, exist_ok=True)
        config = work_dir / "nginx.conf"
        config.write_text(
            CONFIG.format(
                work=work_dir,
                deploy=DEPLOY,
                load_brotli=f"load_module {BROTLI_MODULE};" if self.brotli else "",
                include_brotli=f"include {DEPLOY / 'brotli.conf'};" if self.brotli else "",
                servers=servers,
            ),
            encoding="utf-8",
        )
        self.process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(work_dir), "-e", str(work_dir / "error.log")], stderr=subprocess.PIPE, text=True)
        self._wait_until_listening(work_dir)

    # deploy/nginx/reo13.conf as it is, on loopback: `url` is its HTTPS server, `http_url` its plain-HTTP one.
    @classmethod
    def production_example(cls, site_dir: Path, work_dir: Path, certificate: Path, key: Path) -> "NginxServer":
        http_port, https_port = free_port(), free_port()
        servers = example_servers(Path(site_dir).resolve(), http_port, https_port, certificate, key)
        server = cls(site_dir, work_dir, servers=servers, port=https_port)
        server.url = f"https://127.0.0.1:{https_port}/"
        server.http_url = f"http://127.0.0.1:{http_port}/"
        return server

    def _wait_until_listening(self, work_dir: Path):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read()} {(work_dir / 'error.log').read_text()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("nginx did not start listening within 10 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


# reo13.conf's server blocks with its production paths, ports and certificate replaced by local ones.
def example_servers(site: Path, http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    text = (DEPLOY / "reo13.conf").read_text(encoding="utf-8")
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        EXAMPLE_CERTIFICATE: str(certificate),
        EXAMPLE_KEY: str(key),
        EXAMPLE_SITE: str(site),
        EXAMPLE_DEPLOY: f"{DEPLOY}/",
    }
    for production, local in replacements.items():
        if production not in text:
            raise ValueError(f"deploy/nginx/reo13.conf: expected {production!r}, the harness replaces it")
        text = text.replace(production, local)
    # IPv6 may be absent on a test machine; the IPv4 listen lines stand for both.
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("listen [::]"))
