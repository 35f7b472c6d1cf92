#!/usr/bin/env python3
"""Copy files from a root filesystem into a staging directory, at the same paths.

    stage_files.py ROOT DEST PATH...

Each PATH is absolute inside ROOT. Symbolic links along the way (a merged /usr's /lib64,
a library's soname link) are recreated as links in DEST and followed, so DEST gets the link
chain and the real file, as the root has them. Directories are copied recursively with
their links. Modes are kept; owners are root. Prints the real paths copied (one per line),
which the caller maps to packages for the SBOM.
"""
import os
import shutil
import stat
import sys


def main():
    root, dest = sys.argv[1], sys.argv[2]
    copied = set()

    def stage(path, depth=0):
        if depth > 40:
            sys.exit(f'stage_files.py: error: too many links resolving {path}')
        parts = [p for p in path.split('/') if p]
        current = '/'
        for i, part in enumerate(parts):
            current = os.path.join(current, part)
            src = root + current
            st = os.lstat(src)
            if stat.S_ISLNK(st.st_mode):
                target = os.readlink(src)
                link = dest + current
                if not os.path.lexists(link):
                    os.makedirs(os.path.dirname(link), exist_ok=True)
                    os.symlink(target, link)
                resolved = os.path.normpath(os.path.join(os.path.dirname(current), target))
                rest = '/'.join(parts[i + 1:])
                return stage(resolved + ('/' + rest if rest else ''), depth + 1)
            if i < len(parts) - 1:
                d = dest + current
                if not os.path.isdir(d):
                    os.makedirs(d, exist_ok=True)
                    os.chmod(d, stat.S_IMODE(st.st_mode))
        src = root + current
        out = dest + current
        if os.path.isdir(src):
            for name in sorted(os.listdir(src)):
                stage(os.path.join(current, name), depth)
            if not os.path.exists(out):
                os.makedirs(out)
            os.chmod(out, stat.S_IMODE(os.lstat(src).st_mode))
            return
        if current not in copied:
            os.makedirs(os.path.dirname(out), exist_ok=True)
            shutil.copy2(src, out, follow_symlinks=False)
            copied.add(current)

    for path in sys.argv[3:]:
        if not os.path.lexists(root + path):
            sys.exit(f'stage_files.py: error: {path} is not in {root}')
        stage(path)
    for path in sorted(copied):
        print(path)


if __name__ == '__main__':
    main()
