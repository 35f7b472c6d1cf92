#!/usr/bin/env python3
"""Write a container image archive from staged directories, without a daemon.

    oci_image.py SPEC.json

SPEC: {
  "out": "<archive path>",             written as <out>.tmp, renamed when complete
  "epoch": <seconds>,                  mtime of every file and the image's "created"
  "layers": [{"dir": "<staged rootfs part>", "comment": "..."}, ...],
  "config": {"User": ..., "Env": [...], "Cmd": [...], "WorkingDir": ..., "Labels": {...}},
  "names": ["node-awslc:22.22.2", ...]  image references the archive is tagged with
}

The archive holds an OCI image layout (oci-layout, index.json, blobs/sha256/...) and, for
`docker load`, Docker's manifest.json + repositories over the same blobs (what `docker save`
writes since Docker 25), so `podman load -i` and `docker load -i` both take it. Layers are
deterministic: entries sorted by path, the given mtime, owners and modes as staged (numeric),
gzip without a timestamp; the same staged files give the same digests.
"""
import gzip
import hashlib
import io
import json
import os
import stat
import sys
import tarfile


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def tar_layer(root, epoch, out_tar):
    """An uncompressed, deterministic tar of the directory tree at root."""
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            paths.append(os.path.join(dirpath, name))
    paths.sort(key=lambda p: os.path.relpath(p, root))
    inodes = {}
    with tarfile.open(out_tar, 'w', format=tarfile.PAX_FORMAT) as tar:
        for path in paths:
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            info = tarfile.TarInfo(rel)
            info.mtime = epoch
            info.mode = stat.S_IMODE(st.st_mode)
            info.uid, info.gid = st.st_uid, st.st_gid
            info.uname = info.gname = ''
            if stat.S_ISLNK(st.st_mode):
                info.type = tarfile.SYMTYPE
                info.linkname = os.readlink(path)
                tar.addfile(info)
            elif stat.S_ISDIR(st.st_mode):
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif stat.S_ISREG(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if st.st_nlink > 1 and key in inodes:
                    info.type = tarfile.LNKTYPE
                    info.linkname = inodes[key]
                    tar.addfile(info)
                    continue
                inodes[key] = rel
                info.size = st.st_size
                with open(path, 'rb') as f:
                    tar.addfile(info, f)
            else:
                sys.exit(f'oci_image.py: error: {path}: only files, directories and symlinks go into a layer')


def gzip_file(src, dst):
    with open(src, 'rb') as fin, open(dst, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=6) as gz:
            for chunk in iter(lambda: fin.read(1 << 20), b''):
                gz.write(chunk)


def main():
    spec = json.load(open(sys.argv[1]))
    out = spec['out']
    work = out + '.work'
    os.makedirs(os.path.join(work, 'blobs', 'sha256'), exist_ok=True)
    blobs = os.path.join(work, 'blobs', 'sha256')

    def put_blob(path_or_bytes):
        if isinstance(path_or_bytes, bytes):
            digest = hashlib.sha256(path_or_bytes).hexdigest()
            with open(os.path.join(blobs, digest), 'wb') as f:
                f.write(path_or_bytes)
            return digest, len(path_or_bytes)
        digest = sha256_file(path_or_bytes)
        os.replace(path_or_bytes, os.path.join(blobs, digest))
        return digest, os.path.getsize(os.path.join(blobs, digest))

    layers, diff_ids, history = [], [], []
    for i, layer in enumerate(spec['layers']):
        raw = os.path.join(work, f'layer{i}.tar')
        tar_layer(layer['dir'], spec['epoch'], raw)
        diff_ids.append('sha256:' + sha256_file(raw))
        gz = raw + '.gz'
        gzip_file(raw, gz)
        os.remove(raw)
        digest, size = put_blob(gz)
        layers.append({'mediaType': 'application/vnd.oci.image.layer.v1.tar+gzip',
                       'digest': 'sha256:' + digest, 'size': size})
        history.append({'created': created_iso(spec['epoch']), 'created_by': layer.get('comment', ''),
                        'comment': layer.get('comment', '')})

    config = {
        'created': created_iso(spec['epoch']),
        'architecture': 'amd64',
        'os': 'linux',
        'config': spec['config'],
        'rootfs': {'type': 'layers', 'diff_ids': diff_ids},
        'history': history,
    }
    config_bytes = canonical(config)
    config_digest, config_size = put_blob(config_bytes)
    manifest = {
        'schemaVersion': 2,
        'mediaType': 'application/vnd.oci.image.manifest.v1+json',
        'config': {'mediaType': 'application/vnd.oci.image.config.v1+json',
                   'digest': 'sha256:' + config_digest, 'size': config_size},
        'layers': layers,
        'annotations': {k: v for k, v in spec['config'].get('Labels', {}).items()
                        if k.startswith('org.opencontainers.image.')},
    }
    manifest_bytes = canonical(manifest)
    manifest_digest, manifest_size = put_blob(manifest_bytes)

    names = spec['names']
    index = {
        'schemaVersion': 2,
        'mediaType': 'application/vnd.oci.image.index.v1+json',
        'manifests': [{
            'mediaType': 'application/vnd.oci.image.manifest.v1+json',
            'digest': 'sha256:' + manifest_digest, 'size': manifest_size,
            'annotations': {
                # podman/skopeo read the first, containerd/Docker the second.
                'org.opencontainers.image.ref.name': names[0],
                'io.containerd.image.name': names[0],
            },
        }],
    }
    docker_manifest = [{
        'Config': 'blobs/sha256/' + config_digest,
        'RepoTags': names,
        'Layers': ['blobs/sha256/' + l['digest'].split(':')[1] for l in layers],
    }]
    repositories = {}
    for name in names:
        repo, tag = name.rsplit(':', 1)
        repositories.setdefault(repo, {})[tag] = config_digest

    files = {
        'oci-layout': canonical({'imageLayoutVersion': '1.0.0'}),
        'index.json': canonical(index),
        'manifest.json': canonical(docker_manifest),
        'repositories': canonical(repositories),
    }
    tmp = out + '.tmp'
    with tarfile.open(tmp, 'w', format=tarfile.PAX_FORMAT) as tar:
        for name in ['blobs', 'blobs/sha256']:
            info = tarfile.TarInfo(name)
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, spec['epoch']
            tar.addfile(info)
        for digest in sorted(os.listdir(blobs)):
            path = os.path.join(blobs, digest)
            info = tarfile.TarInfo('blobs/sha256/' + digest)
            info.size, info.mode, info.mtime = os.path.getsize(path), 0o644, spec['epoch']
            with open(path, 'rb') as f:
                tar.addfile(info, f)
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, spec['epoch']
            tar.addfile(info, io.BytesIO(data))
    os.replace(tmp, out)
    for digest in os.listdir(blobs):
        os.remove(os.path.join(blobs, digest))
    os.removedirs(blobs)
    print(json.dumps({'manifest': 'sha256:' + manifest_digest, 'config': 'sha256:' + config_digest,
                      'layers': layers, 'diff_ids': diff_ids}))


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(',', ':')).encode()


def created_iso(epoch):
    import datetime
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


if __name__ == '__main__':
    main()
