using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncTestTemplates.Testing;

/// <summary>
/// <see cref="ProjectHost"/>'s fallback when the entry point builds no host: every hosted service
/// class of the assembly (internal ones included) in a host of the harness's own.
/// </summary>
internal static class HostedServicesOnTheirOwn
{
    // No host from the entry point: every hosted service class of the assembly, in a host of our own
    // that reads the app's settings files, with the test's services.
    public static IHost BuildHost(Assembly projectUnderTest, string[] arguments, ProjectHostOptions options, string contentRoot, string noHostReason, Action<IServiceCollection> addTestServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = contentRoot,
            ApplicationName = projectUnderTest.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        foreach (var type in HostedServiceClassesOf(projectUnderTest))
        {
            builder.Services.AddSingleton(typeof(IHostedService), type);
        }

        addTestServices(builder.Services);
        try
        {
            return builder.Build();
        }
        catch (AggregateException ex)
        {
            // The Development environment validates every registration on build: the services' missing dependencies.
            throw new InvalidOperationException(
                $"Its entry point built no host ({noHostReason}), so the hosted service classes of {projectUnderTest.GetName().Name} were started on their own, " +
                "without the entry point's registrations, and one could not be created: " +
                string.Join(" ", ex.InnerExceptions.Select(inner => inner.GetBaseException().Message)) +
                " Register what it needs in ProjectHostOptions.ConfigureTestServices.", ex);
        }
    }

    private static IEnumerable<Type> HostedServiceClassesOf(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        return types.OfType<Type>().Where(type =>
            type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IHostedService).IsAssignableFrom(type));
    }
}
