package io.tenantprovisioning.vars

import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.ModuleNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.CatchStatement
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit

/**
 * The repository's pipeline scripts read as Groovy syntax trees (parsed, never run): the shared library
 * (vars/, trusted: a global library runs outside the script sandbox), the job scripts (jobs/) and the
 * example (Jenkinsfile.example, both its live part and the full pipeline it carries commented out), which
 * Jenkins runs in the script sandbox.
 */
class PipelineScripts {

    /** A script's name, its text, and whether Jenkins runs it in the sandbox. */
    static class Source {
        String name
        String text
        boolean sandboxed
    }

    static List<Source> all(File root) {
        List<Source> sources = []
        new File(root, 'vars').listFiles().findAll { it.name.endsWith('.groovy') }.sort { it.name }.each {
            sources << new Source(name: "vars/${it.name}", text: it.text, sandboxed: false)
        }
        new File(root, 'jobs').listFiles().findAll { it.name.endsWith('.Jenkinsfile') }.sort { it.name }.each {
            sources << new Source(name: "jobs/${it.name}", text: it.text, sandboxed: true)
        }
        String example = new File(root, 'Jenkinsfile.example').text
        int marker = example.indexOf('\n// def run = ')
        sources << new Source(name: 'Jenkinsfile.example', text: example, sandboxed: true)
        sources << new Source(name: 'Jenkinsfile.example (the full pipeline, commented out)', sandboxed: true,
                text: example.substring(marker + 1).readLines().collect { it.replaceFirst(/^\/\/ ?/, '') }.join('\n'))
        return sources
    }

    static ModuleNode parse(Source source) {
        CompilationUnit unit = new CompilationUnit()
        unit.addSource(source.name, source.text)
        unit.compile(Phases.CONVERSION)
        return unit.AST.modules[0]
    }

    /**
     * Every call in a @NonCPS method to something that is not another @NonCPS method of the same script:
     * a pipeline step, a global variable of the library, or a CPS-transformed method. Jenkins cannot run a
     * step from a @NonCPS method (it fails, or the step is skipped, depending on the version).
     */
    static List<String> nonCpsCallingSteps(Source source) {
        ModuleNode module = parse(source)
        Set<String> nonCps = module.methods.findAll { isNonCps(it) }*.name as Set
        List<String> problems = []
        module.methods.findAll { isNonCps(it) }.each { MethodNode method ->
            method.code.visit(new ClassCodeVisitorSupport() {
                @Override
                void visitMethodCallExpression(MethodCallExpression call) {
                    if (call.implicitThis && !(call.methodAsString in nonCps)) {
                        problems << "${source.name}: @NonCPS ${method.name} calls ${call.methodAsString}, a step or CPS method".toString()
                    }
                    super.visitMethodCallExpression(call)
                }

                @Override
                protected SourceUnit getSourceUnit() {
                    return null
                }
            })
        }
        return problems
    }

    static boolean isNonCps(MethodNode method) {
        return method.annotations.any { it.classNode.nameWithoutPackage == 'NonCPS' }
    }

    /**
     * What a sandboxed script does besides calling steps, each as an access the sandbox checks, named by the
     * kind of its receiver: `map.*` (a Map: params, a map literal, a Map local, a value read from a step's
     * Map result; `map.*=` sets one), `env.*`, `currentBuild.name=`, `value.size()` (a method of a value read
 * from a map), `value[int]`, `closure.call()`, `new T`,
     * `T.name` for a receiver of a declared Jenkins type (a catch parameter), `unknown:...` otherwise.
     */
    static SortedSet<String> sandboxAccesses(Source source) {
        ModuleNode module = parse(source)
        SortedSet<String> accesses = new TreeSet<>()
        Map<String, String> kinds = [params: 'map', env: 'env', currentBuild: 'currentBuild']
        List<ClassCodeVisitorSupport> self = []   // the visitor itself, for the parts it visits by hand
        def visitor = new ClassCodeVisitorSupport() {
            @Override
            void visitDeclarationExpression(DeclarationExpression d) {
                VariableExpression v = d.variableExpression
                Expression value = d.rightExpression
                if (v.originType.nameWithoutPackage == 'Map' || value instanceof MapExpression
                        || (value instanceof MethodCallExpression && value.implicitThis)) {
                    kinds[v.name] = 'map'
                } else if (value instanceof ClosureExpression) {
                    kinds[v.name] = 'closure'
                } else if (v.originType.nameWithoutPackage in ['int', 'String', 'boolean']) {
                    kinds[v.name] = 'plain'
                }
                super.visitDeclarationExpression(d)
            }

            @Override
            void visitClosureExpression(ClosureExpression c) {
                (c.parameters ?: [] as Parameter[]).each { Parameter p ->
                    kinds[p.name] = p.dynamicTyped ? 'closure' : 'plain'
                }
                super.visitClosureExpression(c)
            }

            @Override
            void visitCatchStatement(CatchStatement c) {
                kinds[c.variable.name] = c.variable.type.name
                super.visitCatchStatement(c)
            }

            @Override
            void visitBinaryExpression(BinaryExpression b) {
                if (b.operation.text == '=' && b.leftExpression instanceof PropertyExpression) {
                    PropertyExpression target = b.leftExpression as PropertyExpression
                    accesses << member(kindOf(target.objectExpression), target.propertyAsString) + '='

                    target.objectExpression.visit(self[0])
                    b.rightExpression.visit(self[0])
                    return
                }
                if (b.operation.text == '[') {
                    accesses << "${kindOf(b.leftExpression) == 'map' ? 'value' : kindOf(b.leftExpression)}[int]".toString()
                }
                super.visitBinaryExpression(b)
            }

            @Override
            void visitPropertyExpression(PropertyExpression p) {
                accesses << member(kindOf(p.objectExpression), p.propertyAsString)
                super.visitPropertyExpression(p)
            }

            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                if (call.implicitThis) {
                    if (kinds[call.methodAsString] == 'closure') {
                        accesses << 'closure.call()'
                    }
                } else {
                    String kind = kindOf(call.objectExpression)
                    accesses << "${kind == 'map' ? 'value' : kind}.${call.methodAsString}()".toString()
                }
                super.visitMethodCallExpression(call)
            }

            @Override
            void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
                accesses << "${call.ownerType.name}.${call.method}()".toString()
                super.visitStaticMethodCallExpression(call)
            }

            @Override
            void visitConstructorCallExpression(ConstructorCallExpression call) {
                accesses << "new ${call.type.name}".toString()
                super.visitConstructorCallExpression(call)
            }

            /** A map's and env's members are all alike to the sandbox (Map get/put, EnvActionImpl get/setProperty). */
            private String member(String kind, String name) {
                return kind in ['map', 'env'] ? "${kind}.*".toString() : "${kind}.${name}".toString()
            }

            private String kindOf(Expression e) {
                if (e instanceof VariableExpression) {
                    String kind = kinds[e.name]
                    return kind == null ? "unknown:${e.name}".toString() : kind
                }
                if (e instanceof PropertyExpression || (e instanceof BinaryExpression && e.operation.text == '[')) {
                    Expression owner = e instanceof PropertyExpression ? e.objectExpression : e.leftExpression
                    return kindOf(owner) == 'map' ? 'map' : "unknown:${e.text}".toString()
                }
                if (e instanceof MethodCallExpression && e.implicitThis) {
                    return 'map'   // a step's result: the tenant steps and input return Maps of plain values
                }
                return "unknown:${e.text}".toString()
            }

            @Override
            protected SourceUnit getSourceUnit() {
                return null
            }
        }
        self << visitor
        module.statementBlock.visit(visitor)
        module.methods.each { it.code?.visit(visitor) }
        return accesses
    }
}
