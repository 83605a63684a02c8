"""Serve a built site with the repository's nginx configuration, on 127.0.0.1."""

import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {deploy}/server.conf;
        include {site}/.nginx/content-security-policy.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxServer:
    def __init__(self, site_dir: Path, work_dir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.brotli = BROTLI_MODULE.exists()
        work_dir.mkdir(parents=True, exist_ok=True)
        config = work_dir / "nginx.conf"
        config.write_text(
            CONFIG.format(
                work=work_dir,
                port=self.port,
                site=Path(site_dir).resolve(),
                deploy=ROOT / "deploy" / "nginx",
                load_brotli=f"load_module {BROTLI_MODULE};" if self.brotli else "",
                include_brotli=f"include {ROOT / 'deploy' / 'nginx' / 'brotli.conf'};" if self.brotli else "",
            ),
            encoding="utf-8",
        )
        self.process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(work_dir), "-e", str(work_dir / "error.log")], stderr=subprocess.PIPE, text=True)
        self._wait_until_listening(work_dir)

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
