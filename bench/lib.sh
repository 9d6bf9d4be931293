# Shared by bench/compare and bench/profile.
#
#   bench_setup HERE JAVA_HOME           sets java, javac and jar (the benchmarks jar, built on first use)
#   build_engine ROOT REV OUT_DIR JAVAC   compiles the engine packages of one revision (a git revision, or "work"
#                                         for the working tree) into OUT_DIR/classes

bench_setup() {
  local here="$1" java_home="$2"
  if [[ -n "$java_home" ]]; then java="$java_home/bin/java"; javac="$java_home/bin/javac"; else java=java; javac=javac; fi
  jar="$here/target/benchmarks.jar"
  if [[ ! -f "$jar" ]]; then
    mvn -B -q -Dstyle.color=never -f "$here/pom.xml" -DskipTests package
  fi
}

build_engine() {
  local root="$1" rev="$2" dir="$3" javac="$4"
  local engine="activation data kernel loss model training margin"
  rm -rf "$dir"
  mkdir -p "$dir/src" "$dir/classes"
  if [[ "$rev" == work ]]; then
    cp -r "$root/src/main/java/." "$dir/src/"
  else
    git -C "$root" archive "$rev" src/main/java | tar -x -C "$dir/src" --strip-components=3
  fi
  local files=() p f
  for p in $engine; do
    while IFS= read -r f; do files+=("$f"); done < <(find "$dir/src/org/bigstep/$p" -name '*.java')
  done
  "$javac" -nowarn --release 17 --add-modules jdk.incubator.vector -d "$dir/classes" "${files[@]}" 2>&1 \
    | grep -v -e 'warning' -e '^Note:' >&2 || true
  [[ -f "$dir/classes/org/bigstep/kernel/Kernels.class" ]] || { echo "bench: $rev did not compile" >&2; return 1; }
}
